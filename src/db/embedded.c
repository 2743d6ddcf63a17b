/* The embedded cluster (see embedded.h). Start and stop run under an exclusive lock on
 * $data_dir/pg.lock so that two processes never start or stop the cluster at once; each user
 * holds a shared lock on $data_dir/pg.users, and a process that can take it exclusively while
 * stopping knows it is the last one. The kernel drops both locks when a process dies. */
#include "db/embedded.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <libpq-fe.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/die.h"
#include "base/hex.h"
#include "base/log.h"
#include "base/random.h"
#include "base/time.h"

#define PG_PORT "5432"
#define PG_USER "twentyc"
#define PG_DB "twentyc"
#define START_TIMEOUT_US (60 * 1000000LL)
#define STOP_TIMEOUT_US (60 * 1000000LL)

struct tc_embedded {
    char data_dir[PATH_MAX];
    char pgdata[PATH_MAX];
    char bin[PATH_MAX];
    char log[PATH_MAX];
    char *conninfo;       /* database twentyc */
    char *admin_conninfo; /* database postgres, to create twentyc */
    int lock_fd, users_fd;
    pid_t child; /* the postmaster, when this process started it */
    bool drop;   /* run PostgreSQL as uid/gid (we are root) */
    uid_t uid;
    gid_t gid;
};

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int path_join(char *out, const char *dir, const char *name, tc_err *e)
{
    int n = snprintf(out, PATH_MAX, "%s/%s", dir, name);
    if (n < 0 || n >= PATH_MAX)
        return tc_err_set(e, TC_E_IO, "path too long: %s/%s", dir, name);
    return 0;
}

char *tc_embedded_data_dir(const char *dir, tc_err *e)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path))
        return tc_err_set(e, TC_E_IO, "TWENTYC_DATA_DIR is too long"), NULL;
    /* mkdir -p, one component at a time */
    for (char *p = path + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(path, 0700) < 0 && errno != EEXIST) {
                tc_err_set(e, TC_E_IO, "cannot create %s: %s", path, strerror(errno));
                return NULL;
            }
            *p = c;
            if (!c)
                break;
        }
    }
    char *abs = realpath(path, NULL);
    if (!abs)
        tc_err_set(e, TC_E_IO, "cannot resolve %s: %s", dir, strerror(errno));
    return abs;
}

/* --- child processes ------------------------------------------------------------------------ */

/* In a forked child: become the PostgreSQL user when we are root. */
static void drop_privileges(const tc_embedded *em)
{
    if (!em->drop)
        return;
    if (setgroups(0, NULL) < 0 || setgid(em->gid) < 0 || setuid(em->uid) < 0)
        _exit(125);
}

/* In a forked child: stdin from /dev/null, stdout and stderr to log_fd, cwd the data dir. */
static void child_io(const tc_embedded *em, int log_fd)
{
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0)
        dup2(null, STDIN_FILENO);
    dup2(log_fd, STDOUT_FILENO);
    dup2(log_fd, STDERR_FILENO);
    if (chdir(em->data_dir) < 0 && chdir("/") < 0)
        _exit(126);
}

static int open_log(const tc_embedded *em, tc_err *e)
{
    int fd = open(em->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        tc_err_set(e, TC_E_IO, "cannot open %s: %s", em->log, strerror(errno));
    return fd;
}

/* Starts argv[0] as the PostgreSQL user with its output appended to the log; in a session of
 * its own when detach is set. The child's pid, or -1 with e filled. */
static pid_t spawn(const tc_embedded *em, char *const argv[], bool detach, tc_err *e)
{
    int log_fd = open_log(em, e);
    if (log_fd < 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(log_fd);
        return tc_err_set(e, TC_E_IO, "fork: %s", strerror(errno));
    }
    if (pid == 0) {
        if (detach)
            setsid();
        child_io(em, log_fd);
        drop_privileges(em);
        execv(argv[0], argv);
        _exit(127);
    }
    close(log_fd);
    return pid;
}

/* Runs argv to completion; its exit status, or -1 with e filled. */
static int run_program(const tc_embedded *em, char *const argv[], tc_err *e)
{
    pid_t pid = spawn(em, argv, false, e);
    if (pid < 0)
        return -1;
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* As root, PostgreSQL runs as `postgres`, which must be able to reach the data directory. */
static int check_reachable(const tc_embedded *em, tc_err *e)
{
    pid_t pid = fork();
    if (pid < 0)
        return tc_err_set(e, TC_E_IO, "fork: %s", strerror(errno));
    if (pid == 0) {
        drop_privileges(em);
        _exit(access(em->data_dir, X_OK) == 0 ? 0 : 1);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    return tc_err_set(e, TC_E_IO,
                      "the postgres system user cannot reach %s (a parent directory is not "
                      "searchable); choose another TWENTYC_DATA_DIR or allow it with chmod o+x",
                      em->data_dir);
}

/* --- locating PostgreSQL --------------------------------------------------------------------- */

static bool has_programs(const char *dir)
{
    char p[PATH_MAX];
    if (path_join(p, dir, "postgres", NULL) < 0 || access(p, X_OK) != 0)
        return false;
    return path_join(p, dir, "initdb", NULL) == 0 && access(p, X_OK) == 0;
}

/* The bin directory: the setting; else Debian's directory for the cluster's own major version;
 * else the newest /usr/lib/postgresql/N/bin; else the directory of initdb on PATH. */
static int find_bin(tc_embedded *em, const char *configured, tc_err *e)
{
    if (*configured) {
        if (!has_programs(configured))
            return tc_err_set(e, TC_E_CONFIG, "TWENTYC_PG_BIN_DIR=%s has no initdb and postgres",
                              configured);
        snprintf(em->bin, sizeof(em->bin), "%s", configured);
        return 0;
    }
    char path[PATH_MAX], version[16] = "";
    FILE *f = path_join(path, em->pgdata, "PG_VERSION", NULL) == 0 ? fopen(path, "r") : NULL;
    if (f) {
        if (fgets(version, sizeof(version), f))
            version[strcspn(version, "\n")] = '\0';
        fclose(f);
        int n = snprintf(path, sizeof(path), "/usr/lib/postgresql/%s/bin", version);
        if (*version && n < (int)sizeof(path) && has_programs(path)) {
            snprintf(em->bin, sizeof(em->bin), "%s", path);
            return 0;
        }
    }
    glob_t g;
    long best = -1;
    if (glob("/usr/lib/postgresql/*/bin", 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; i++) {
            long v = strtol(g.gl_pathv[i] + strlen("/usr/lib/postgresql/"), NULL, 10);
            if (v > best && has_programs(g.gl_pathv[i])) {
                best = v;
                snprintf(em->bin, sizeof(em->bin), "%s", g.gl_pathv[i]);
            }
        }
        globfree(&g);
    }
    if (best >= 0)
        return 0;
    const char *env_path = getenv("PATH");
    char dirs[4096];
    snprintf(dirs, sizeof(dirs), "%s", env_path ? env_path : "/usr/bin:/bin");
    for (char *dir = dirs, *next; dir; dir = next) {
        next = strchr(dir, ':');
        if (next)
            *next++ = '\0';
        if (*dir && has_programs(dir)) {
            snprintf(em->bin, sizeof(em->bin), "%s", dir);
            return 0;
        }
    }
    return tc_err_set(e, TC_E_CONFIG,
                      "PostgreSQL server programs (initdb, postgres) not found: install Debian's "
                      "postgresql package or set TWENTYC_PG_BIN_DIR");
}

/* --- cluster state ---------------------------------------------------------------------------- */

static pid_t read_postmaster_pid(const tc_embedded *em)
{
    char path[PATH_MAX], line[32];
    FILE *f = path_join(path, em->pgdata, "postmaster.pid", NULL) == 0 ? fopen(path, "r") : NULL;
    if (!f)
        return 0;
    pid_t pid = 0;
    if (fgets(line, sizeof(line), f))
        pid = (pid_t)strtol(line, NULL, 10);
    fclose(f);
    return pid > 0 ? pid : 0;
}

/* True when pid is a live postgres process (not some other program that reused the pid). */
static bool is_postgres(pid_t pid)
{
    char path[64], comm[64] = "";
    snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    if (!fgets(comm, sizeof(comm), f))
        comm[0] = '\0';
    fclose(f);
    return strncmp(comm, "postgres", 8) == 0;
}

static int initdb(tc_embedded *em, tc_err *e)
{
    if (mkdir(em->pgdata, 0700) < 0 && errno != EEXIST)
        return tc_err_set(e, TC_E_IO, "cannot create %s: %s", em->pgdata, strerror(errno));
    DIR *d = opendir(em->pgdata);
    int entries = 0;
    for (struct dirent *de; d && (de = readdir(d));)
        entries += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    if (d)
        closedir(d);
    if (entries)
        return tc_err_set(
            e, TC_E_IO,
            "%s is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it "
            "away to start afresh",
            em->pgdata);
    if (em->drop && chown(em->pgdata, em->uid, em->gid) < 0)
        return tc_err_set(e, TC_E_IO, "cannot chown %s: %s", em->pgdata, strerror(errno));
    char prog[PATH_MAX];
    if (path_join(prog, em->bin, "initdb", e) < 0)
        return -1;
    char *argv[] = {prog, "-D",   em->pgdata,         "-U",           PG_USER,
                    "-E", "UTF8", "--locale=C.UTF-8", "--auth=trust", NULL};
    tc_log_info("creating the embedded PostgreSQL cluster in %s", em->pgdata);
    int rc = run_program(em, argv, e);
    if (rc < 0)
        return -1;
    if (rc != 0) {
        tc_err_set(e, TC_E_IO, "initdb failed (exit %d); see %s", rc, em->log);
        return -1;
    }
    return 0;
}

static int launch(tc_embedded *em, tc_err *e)
{
    char prog[PATH_MAX];
    if (path_join(prog, em->bin, "postgres", e) < 0)
        return -1;
    /* -h '' : no TCP listener; -k : the Unix socket lives in the cluster's own directory. */
    char *argv[] = {prog, "-D", em->pgdata, "-p", PG_PORT, "-h", "", "-k", em->pgdata, NULL};
    /* A session of its own: a Ctrl-C at the terminal reaches twentyc, which then shuts down
     * in order, not PostgreSQL under its feet. */
    pid_t pid = spawn(em, argv, true, e);
    if (pid < 0)
        return -1;
    em->child = pid;
    int64_t deadline = tc_time_mono_us() + START_TIMEOUT_US;
    for (;;) {
        if (PQping(em->admin_conninfo) == PQPING_OK)
            return 0;
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            em->child = 0;
            return tc_err_set(e, TC_E_IO, "PostgreSQL exited while starting; see %s", em->log);
        }
        if (tc_time_mono_us() > deadline)
            return tc_err_set(e, TC_E_IO, "PostgreSQL did not start within 60 s; see %s", em->log);
        sleep_us(5000);
    }
}

/* Waits until the cluster answers (joined), or finds it down and starts it. */
static int ensure_running(tc_embedded *em, tc_err *e)
{
    int64_t deadline = tc_time_mono_us() + START_TIMEOUT_US;
    for (;;) {
        PGPing ping = PQping(em->admin_conninfo);
        if (ping == PQPING_OK)
            return 0;
        pid_t pid = read_postmaster_pid(em);
        bool busy = ping == PQPING_REJECT || (pid && is_postgres(pid));
        if (!busy) {
            if (pid) {
                char path[PATH_MAX];
                path_join(path, em->pgdata, "postmaster.pid", NULL);
                tc_log_warn("removing stale %s (process %d is gone)", path, (int)pid);
                unlink(path);
            }
            return launch(em, e);
        }
        /* Starting up or shutting down: wait for it to settle. */
        if (tc_time_mono_us() > deadline)
            return tc_err_set(e, TC_E_IO,
                              "the embedded PostgreSQL (pid %d) neither answers nor "
                              "exits; see %s",
                              (int)pid, em->log);
        sleep_us(20000);
    }
}

static int ensure_database(tc_embedded *em, tc_err *e)
{
    PGconn *pg = PQconnectdb(em->admin_conninfo);
    int rc = 0;
    if (PQstatus(pg) != CONNECTION_OK) {
        rc = tc_err_set(e, TC_E_DB_UNAVAILABLE, "cannot connect to the embedded PostgreSQL");
        tc_err_detail(e, "%s", PQerrorMessage(pg));
    } else {
        PGresult *r = PQexec(pg, "SELECT 1 FROM pg_database WHERE datname = '" PG_DB "'");
        bool missing = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 0;
        PQclear(r);
        if (missing) {
            r = PQexec(pg, "CREATE DATABASE " PG_DB);
            const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            /* 42P04: created meanwhile by another process */
            if (PQresultStatus(r) != PGRES_COMMAND_OK && !(state && strcmp(state, "42P04") == 0)) {
                rc = tc_err_set(e, TC_E_DB_UNAVAILABLE, "cannot create the twentyc database");
                tc_err_detail(e, "%s", PQresultErrorMessage(r));
            }
            PQclear(r);
        }
    }
    PQfinish(pg);
    return rc;
}

/* conninfo value quoting: single quotes, with ' and \ escaped. */
static char *make_conninfo(const char *socket_dir, const char *db)
{
    tc_buf b;
    tc_buf_init(&b, 2 * PATH_MAX);
    tc_buf_adds(&b, "host='");
    for (const char *p = socket_dir; *p; p++) {
        if (*p == '\'' || *p == '\\')
            tc_buf_addc(&b, '\\');
        tc_buf_addc(&b, *p);
    }
    tc_buf_printf(&b, "' port=" PG_PORT " user=" PG_USER " dbname=%s", db);
    char *s = strdup(tc_buf_cstr(&b));
    tc_buf_fini(&b);
    if (!s)
        tc_die_oom();
    return s;
}

static int open_lock(const tc_embedded *em, const char *name, tc_err *e)
{
    char path[PATH_MAX];
    if (path_join(path, em->data_dir, name, e) < 0)
        return -1;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        tc_err_set(e, TC_E_IO, "cannot open %s: %s", path, strerror(errno));
    return fd;
}

static int lock(int fd, int op)
{
    while (flock(fd, op) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return 0;
}

static void free_embedded(tc_embedded *em)
{
    if (em->lock_fd >= 0)
        close(em->lock_fd);
    if (em->users_fd >= 0)
        close(em->users_fd);
    free(em->conninfo);
    free(em->admin_conninfo);
    free(em);
}

tc_embedded *tc_embedded_start(const char *data_dir, const char *bin_dir, tc_err *e)
{
    tc_embedded *em = calloc(1, sizeof(*em));
    if (!em)
        tc_die_oom();
    em->lock_fd = em->users_fd = -1;
    snprintf(em->data_dir, sizeof(em->data_dir), "%s", data_dir);
    if (path_join(em->pgdata, data_dir, "pg", e) < 0 ||
        path_join(em->log, data_dir, "postgres.log", e) < 0)
        goto fail;
    struct sockaddr_un sun;
    if (strlen(em->pgdata) + strlen("/.s.PGSQL." PG_PORT) >= sizeof(sun.sun_path)) {
        tc_err_set(e, TC_E_CONFIG,
                   "TWENTYC_DATA_DIR=%s is too long for a Unix socket path (at most %zu "
                   "characters); choose a shorter one",
                   data_dir, sizeof(sun.sun_path) - strlen("/pg/.s.PGSQL." PG_PORT) - 1);
        goto fail;
    }
    em->conninfo = make_conninfo(em->pgdata, PG_DB);
    em->admin_conninfo = make_conninfo(em->pgdata, "postgres");

    if (geteuid() == 0) {
        struct passwd *pw = getpwnam("postgres");
        if (!pw) {
            tc_err_set(e, TC_E_CONFIG,
                       "running as root, the embedded PostgreSQL needs the "
                       "postgres system user (Debian's postgresql package)");
            goto fail;
        }
        em->drop = true;
        em->uid = pw->pw_uid;
        em->gid = pw->pw_gid;
        /* Let postgres pass through the data directory (search permission only; the other
         * bits stay as they are, so a shared directory such as /tmp keeps its mode). */
        struct stat st;
        if (stat(data_dir, &st) == 0 && !(st.st_mode & S_IXOTH) &&
            chmod(data_dir, (st.st_mode & 07777) | S_IXOTH) < 0) {
            tc_err_set(e, TC_E_IO, "cannot chmod %s: %s", data_dir, strerror(errno));
            goto fail;
        }
        if (check_reachable(em, e) < 0)
            goto fail;
    }

    if ((em->lock_fd = open_lock(em, "pg.lock", e)) < 0 ||
        (em->users_fd = open_lock(em, "pg.users", e)) < 0)
        goto fail;
    if (lock(em->lock_fd, LOCK_EX) < 0 || lock(em->users_fd, LOCK_SH) < 0) {
        tc_err_set(e, TC_E_IO, "cannot lock %s: %s", em->data_dir, strerror(errno));
        goto fail;
    }
    char version_file[PATH_MAX];
    if (path_join(version_file, em->pgdata, "PG_VERSION", e) < 0)
        goto fail_locked;
    bool fresh = !file_exists(version_file);
    if (find_bin(em, bin_dir, e) < 0 || (fresh && initdb(em, e) < 0) || ensure_running(em, e) < 0 ||
        ensure_database(em, e) < 0)
        goto fail_locked;
    lock(em->lock_fd, LOCK_UN);
    if (em->child)
        tc_log_info("embedded PostgreSQL started (pid %d, %s)", (int)em->child, em->pgdata);
    else
        tc_log_info("joined the embedded PostgreSQL already running in %s", em->pgdata);
    return em;

fail_locked:
    if (em->child) {
        /* Never leave behind a postmaster that this failed start launched. */
        kill(em->child, SIGINT);
        waitpid(em->child, NULL, 0);
    }
fail:
    free_embedded(em);
    return NULL;
}

const char *tc_embedded_conninfo(const tc_embedded *em)
{
    return em->conninfo;
}

bool tc_embedded_started_here(const tc_embedded *em)
{
    return em->child != 0;
}

/* Fast shutdown (SIGINT) and wait; SIGQUIT if it does not finish in time. */
static void shutdown_postmaster(tc_embedded *em)
{
    pid_t pid = read_postmaster_pid(em);
    if (!pid || !is_postgres(pid)) {
        if (em->child)
            waitpid(em->child, NULL, WNOHANG);
        return;
    }
    kill(pid, SIGINT);
    int64_t deadline = tc_time_mono_us() + STOP_TIMEOUT_US;
    bool quit_sent = false;
    for (;;) {
        if (pid == em->child) {
            if (waitpid(pid, NULL, WNOHANG) == pid)
                break;
        } else if (kill(pid, 0) < 0 && errno == ESRCH) {
            break;
        }
        if (tc_time_mono_us() > deadline && !quit_sent) {
            tc_log_warn("PostgreSQL did not stop in time; sending SIGQUIT");
            kill(pid, SIGQUIT);
            quit_sent = true;
        }
        sleep_us(5000);
    }
    tc_log_info("embedded PostgreSQL stopped");
}

void tc_embedded_stop(tc_embedded *em)
{
    if (!em)
        return;
    lock(em->lock_fd, LOCK_EX);
    /* Only the last user gets the exclusive lock; the others leave the cluster running. */
    if (flock(em->users_fd, LOCK_EX | LOCK_NB) == 0)
        shutdown_postmaster(em);
    else
        tc_log_info("leaving the embedded PostgreSQL running for another twentyc process");
    free_embedded(em);
}

/* --- APP_SECRET ------------------------------------------------------------------------------ */

static char *read_secret(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char line[512] = "";
    if (!fgets(line, sizeof(line), f))
        line[0] = '\0';
    fclose(f);
    line[strcspn(line, "\r\n")] = '\0';
    if (!*line)
        return NULL;
    char *s = strdup(line);
    if (!s)
        tc_die_oom();
    return s;
}

char *tc_embedded_app_secret(const char *data_dir, tc_err *e)
{
    char path[PATH_MAX], tmp[PATH_MAX];
    if (path_join(path, data_dir, "app_secret", e) < 0)
        return NULL;
    char *secret = read_secret(path);
    if (secret)
        return secret;
    unsigned char raw[32];
    char hex[2 * sizeof(raw) + 2];
    tc_random_bytes(raw, sizeof(raw));
    tc_hex_encode(raw, sizeof(raw), hex);
    char tmp_name[64];
    snprintf(tmp_name, sizeof(tmp_name), "app_secret.%d.tmp", (int)getpid());
    if (path_join(tmp, data_dir, tmp_name, e) < 0)
        return NULL;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return tc_err_set(e, TC_E_IO, "cannot create %s: %s", tmp, strerror(errno)), NULL;
    size_t len = strlen(hex);
    hex[len] = '\n';
    bool ok = write(fd, hex, len + 1) == (ssize_t)(len + 1) && fsync(fd) == 0;
    close(fd);
    /* link() fails if another process won the race; then its secret is the one. */
    if (!ok || (link(tmp, path) < 0 && errno != EEXIST)) {
        tc_err_set(e, TC_E_IO, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return NULL;
    }
    unlink(tmp);
    secret = read_secret(path);
    if (!secret)
        tc_err_set(e, TC_E_IO, "cannot read %s", path);
    return secret;
}
