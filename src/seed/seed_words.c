/* The word lists the demo records are made of: well-known companies first (as Twenty's seed
 * starts), then names combined from short lists. Plain data; the combining is in seed_demo.c
 * and seed_activity.c. */
#include "seed/seed_int.h"

#include "base/compiler.h"

/* Sorted by employees, as Twenty's company seed is; Google and Microsoft as in Twenty's. */
const seed_company tc_seed_real_companies[] = {
    {"Google", "goo.gle", "Mountain View", 284571},
    {"Microsoft", "microsoft.com", "Redmond", 226067},
    {"Meta", "meta.com", "Menlo Park", 86482},
    {"SLB", "slb.com", "Houston", 99000},
    {"Cisco", "cisco.com", "San Jose", 84900},
    {"Uber", "uber.com", "San Francisco", 30400},
    {"Salesforce", "salesforce.com", "San Francisco", 72682},
    {"Oracle", "oracle.com", "Austin", 164000},
    {"IBM", "ibm.com", "Armonk", 288300},
    {"Intel", "intel.com", "Santa Clara", 124800},
    {"Nvidia", "nvidia.com", "Santa Clara", 29600},
    {"Adobe", "adobe.com", "San Jose", 29945},
    {"Netflix", "netflix.com", "Los Gatos", 13000},
    {"Airbnb", "airbnb.com", "San Francisco", 6907},
    {"Stripe", "stripe.com", "San Francisco", 8000},
    {"Shopify", "shopify.com", "Ottawa", 8300},
    {"Spotify", "spotify.com", "Stockholm", 9123},
    {"SAP", "sap.com", "Walldorf", 107602},
    {"Siemens", "siemens.com", "Munich", 320000},
    {"Samsung", "samsung.com", "Suwon", 266673},
    {"Sony", "sony.com", "Tokyo", 113000},
    {"Toyota", "toyota-global.com", "Toyota City", 375235},
    {"Tesla", "tesla.com", "Austin", 140473},
    {"Amazon", "amazon.com", "Seattle", 1525000},
    {"Walmart", "walmart.com", "Bentonville", 2100000},
    {"Accenture", "accenture.com", "Dublin", 733000},
    {"Deloitte", "deloitte.com", "London", 457000},
    {"Capgemini", "capgemini.com", "Paris", 340400},
    {"Atlassian", "atlassian.com", "Sydney", 12157},
    {"Dropbox", "dropbox.com", "San Francisco", 2693},
    {"Slack", "slack.com", "San Francisco", 2545},
    {"Zoom", "zoom.us", "San Jose", 7420},
    {"Twilio", "twilio.com", "San Francisco", 5867},
    {"Datadog", "datadoghq.com", "New York", 6500},
    {"Snowflake", "snowflake.com", "Bozeman", 7004},
    {"MongoDB", "mongodb.com", "New York", 5037},
    {"GitLab", "gitlab.com", "San Francisco", 2130},
    {"HubSpot", "hubspot.com", "Cambridge", 7663},
    {"Zendesk", "zendesk.com", "San Francisco", 6000},
    {"Workday", "workday.com", "Pleasanton", 18800},
    {"ServiceNow", "servicenow.com", "Santa Clara", 22668},
    {"Intuit", "intuit.com", "Mountain View", 18200},
    {"PayPal", "paypal.com", "San Jose", 27200},
    {"Block", "block.xyz", "Oakland", 12985},
    {"Coinbase", "coinbase.com", "San Francisco", 3416},
    {"Revolut", "revolut.com", "London", 8000},
    {"Klarna", "klarna.com", "Stockholm", 5000},
    {"Qonto", "qonto.com", "Paris", 1600},
    {"Doctolib", "doctolib.fr", "Paris", 2800},
    {"BlaBlaCar", "blablacar.com", "Paris", 800},
    {"Mistral AI", "mistral.ai", "Paris", 150},
    {"Hugging Face", "huggingface.co", "New York", 250},
    {"OpenAI", "openai.com", "San Francisco", 1700},
    {"Anthropic", "anthropic.com", "San Francisco", 1000},
    {"Figma", "figma.com", "San Francisco", 1300},
    {"Notion", "notion.so", "San Francisco", 600},
    {"Linear", "linear.app", "San Francisco", 80},
    {"Vercel", "vercel.com", "San Francisco", 500},
    {"Canva", "canva.com", "Sydney", 4000},
    {"Miro", "miro.com", "Amsterdam", 1800},
    {"Asana", "asana.com", "San Francisco", 1840},
    {"Monday.com", "monday.com", "Tel Aviv", 1854},
    {"Wix", "wix.com", "Tel Aviv", 5000},
    {"Booking.com", "booking.com", "Amsterdam", 21600},
    {"Expedia", "expedia.com", "Seattle", 17100},
    {"Lyft", "lyft.com", "San Francisco", 2945},
    {"DoorDash", "doordash.com", "San Francisco", 19300},
    {"Instacart", "instacart.com", "San Francisco", 3380},
    {"Pinterest", "pinterest.com", "San Francisco", 4014},
    {"Reddit", "reddit.com", "San Francisco", 2013},
    {"Snap", "snap.com", "Santa Monica", 5289},
    {"LinkedIn", "linkedin.com", "Sunnyvale", 19400},
    {"GitHub", "github.com", "San Francisco", 3000},
    {"Cloudflare", "cloudflare.com", "San Francisco", 3682},
    {"Okta", "okta.com", "San Francisco", 5908},
    {"Palantir", "palantir.com", "Denver", 3735},
    {"Databricks", "databricks.com", "San Francisco", 7000},
    {"Airtable", "airtable.com", "San Francisco", 1000},
    {"Algolia", "algolia.com", "San Francisco", 700},
    {"Contentsquare", "contentsquare.com", "Paris", 1800},
};
const size_t tc_seed_real_companies_count = TC_COUNT(tc_seed_real_companies);

/* Generated companies are "<first><second> <suffix>", e.g. "Bluepeak Labs". */
const char *const tc_seed_company_first[] = {
    "Blue",  "Red",   "Green", "Silver", "Golden", "North", "South", "East",  "West",  "Bright",
    "Swift", "Clear", "Deep",  "High",   "Iron",   "Stone", "Cloud", "Solar", "Lunar", "Quantum",
    "Nova",  "Pixel", "Data",  "Peak",   "River",  "Ocean", "Maple", "Cedar", "Orbit", "Vector",
};
const size_t tc_seed_company_first_count = TC_COUNT(tc_seed_company_first);

const char *const tc_seed_company_second[] = {
    "peak", "field", "bridge", "stone",  "works", "wave", "forge", "light", "path",  "point",
    "gate", "line",  "craft",  "spring", "grid",  "port", "mark",  "shift", "scale", "sense",
};
const size_t tc_seed_company_second_count = TC_COUNT(tc_seed_company_second);

const char *const tc_seed_company_suffix[] = {"Labs",         "Systems",   "Partners", "Group",
                                              "Technologies", "Analytics", "Studio"};
const size_t tc_seed_company_suffix_count = TC_COUNT(tc_seed_company_suffix);

const char *const tc_seed_first_names[] = {
    "Mark",   "Gabriel",   "Kimberly", "Cindy",  "James",   "Olivia", "Liam",  "Emma",
    "Noah",   "Ava",       "Ethan",    "Sophia", "Lucas",   "Mia",    "Mason", "Isabella",
    "Logan",  "Amelia",    "Elijah",   "Harper", "Oliver",  "Evelyn", "Aiden", "Abigail",
    "Jacob",  "Emily",     "Henry",    "Ella",   "Samuel",  "Grace",  "David", "Chloe",
    "Joseph", "Victoria",  "Daniel",   "Lily",   "Matthew", "Hannah", "Leo",   "Zoe",
    "Julien", "Camille",   "Hugo",     "Manon",  "Léa",     "Mathis", "Inès",  "Sofia",
    "Mateo",  "Valentina",
};
const size_t tc_seed_first_names_count = TC_COUNT(tc_seed_first_names);

const char *const tc_seed_last_names[] = {
    "Young",  "Robinson", "Gordon", "Baker",  "Smith",     "Johnson",  "Williams",  "Brown",
    "Jones",  "Garcia",   "Miller", "Davis",  "Rodriguez", "Martinez", "Hernandez", "Lopez",
    "Wilson", "Anderson", "Thomas", "Taylor", "Moore",     "Jackson",  "Martin",    "Lee",
    "Perez",  "Thompson", "White",  "Harris", "Sanchez",   "Clark",    "Ramirez",   "Lewis",
    "Walker", "Hall",     "Allen",  "King",   "Wright",    "Scott",    "Torres",    "Nguyen",
    "Hill",   "Flores",   "Green",  "Adams",  "Nelson",    "Carter",   "Mitchell",  "Dubois",
    "Moreau", "Lefèvre",
};
const size_t tc_seed_last_names_count = TC_COUNT(tc_seed_last_names);

const char *const tc_seed_cities[] = {
    "San Francisco", "New York", "London",  "Paris",     "Berlin",    "Austin",      "Seattle",
    "Boston",        "Chicago",  "Toronto", "Amsterdam", "Stockholm", "Barcelona",   "Lisbon",
    "Dublin",        "Sydney",   "Tokyo",   "Singapore", "Denver",    "Los Angeles",
};
const size_t tc_seed_cities_count = TC_COUNT(tc_seed_cities);

const char *const tc_seed_job_titles[] = {
    "CEO",
    "CTO",
    "VP of Sales",
    "Head of Marketing",
    "Product Manager",
    "Engineer",
    "Designer",
    "Account Executive",
    "Data Scientist",
    "Head of People",
    "CFO",
    "Sales Manager",
    "Customer Success Manager",
    "Recruiter",
    "Operations Lead",
};
const size_t tc_seed_job_titles_count = TC_COUNT(tc_seed_job_titles);

const char *const tc_seed_taglines[] = {
    "Building the future of work",
    "Software that gets out of your way",
    "Data you can trust",
    "The platform for modern teams",
    "Making the complex simple",
    "Customers first, always",
    "Infrastructure for the internet",
    "Design tools for everyone",
};
const size_t tc_seed_taglines_count = TC_COUNT(tc_seed_taglines);

const char *const tc_seed_products[] = {"Enterprise plan", "Pilot",  "Renewal",
                                        "Expansion",       "Upsell", "Team licenses"};
const size_t tc_seed_products_count = TC_COUNT(tc_seed_products);

const char *const tc_seed_task_verbs[] = {
    "Follow up with",       "Send proposal to",     "Schedule demo with",  "Call",
    "Prepare contract for", "Review feedback from", "Plan onboarding for", "Send invoice to",
};
const size_t tc_seed_task_verbs_count = TC_COUNT(tc_seed_task_verbs);

const char *const tc_seed_note_topics[] = {
    "Discovery call",   "Quarterly review", "Pricing discussion",     "Technical deep dive",
    "Kick-off meeting", "Renewal notes",    "Security questionnaire", "Partnership ideas",
};
const size_t tc_seed_note_topics_count = TC_COUNT(tc_seed_note_topics);

const char *const tc_seed_pet_names[] = {"Toby", "Luna",  "Milo", "Bella", "Rex",
                                         "Nala", "Oscar", "Coco", "Simba", "Daisy"};
const size_t tc_seed_pet_names_count = TC_COUNT(tc_seed_pet_names);

const char *const tc_seed_rocket_names[] = {"Falcon 9", "Saturn V",    "Ariane 5", "Soyuz",
                                            "Electron", "New Glenn",   "Starship", "Vega",
                                            "Atlas V",  "Long March 5"};
const size_t tc_seed_rocket_names_count = TC_COUNT(tc_seed_rocket_names);
