'use strict';
// Random GraphQL documents for the differential test (tests/api/graphql_print.test.js): a small
// grammar of executable documents, seeded so every run makes the same documents, and mutations
// of them (tokens dropped, inserted, swapped or replaced; characters inserted or cut) that are
// mostly invalid. A document is made as a list of tokens and joined with random ignored tokens
// (spaces, tabs, commas, newlines, \r\n, comments, the BOM), so the same document exercises the
// lexer's handling of every kind of separator.

// mulberry32: a tiny seeded PRNG with a full 2^32 period.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUNCT = new Set(['!', '$', '&', '(', ')', '...', ':', '=', '@', '[', ']', '{', '|', '}']);
const NAMES = ['a', 'b', 'id', 'name', 'user', 'node', 'edges', 'company', 'people', '_x', 'A1',
  '__typename', 'on', 'query', 'mutation', 'fragment', 'true', 'null', 'type', 'input', 'extend',
  'subscription', 'field_with_underscore', 'camelCaseName', 'x9'];
const TYPES = ['Int', 'Float', 'String', 'Boolean', 'ID', 'UUID', 'CompanyFilter', 'on'];
const CHARS = ['a', 'b', ' ', 'é', '中', '😀', '\\n', '\\t', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\r',
  '\\u0041', '\\u00e9', '\\u0000', '\\u001F', '\\u007F', '\\u0085', '\\uD83D\\uDE00', '\\u{1F600}',
  '\\u{41}', '\\u{10FFFF}', '"', '#', '{', '$', '\u00a0', '\u2028'];
const BLOCK_CHARS = ['a', 'b', ' ', '  ', '\t', 'é', '😀', '"', '""', '\\"""', '\\', '\\n', '#', '{'];

function generator(seed) {
  const r = rng(seed);
  const int = (n) => Math.floor(r() * n);
  const pick = (xs) => xs[int(xs.length)];
  const chance = (p) => r() < p;

  function name() {
    return pick(NAMES);
  }

  function stringToken() {
    let s = '';
    for (let i = int(8); i > 0; i--) {
      let c = pick(CHARS);
      if (c === '"') c = '\\"';
      s += c;
    }
    return '"' + s + '"';
  }

  function blockStringToken() {
    const lines = [];
    const indent = pick(['', ' ', '  ', '    ', '\t']);
    for (let i = int(5); i >= 0; i--) {
      let line = chance(0.5) ? indent : pick(['', ' ', '      ']);
      for (let k = int(6); k > 0; k--) line += pick(BLOCK_CHARS);
      lines.push(line);
    }
    let body = lines.join(pick(['\n', '\n', '\r\n', '\r']));
    // a raw """ would end the string early; a trailing quote would make """" at the end
    body = body.replace(/(^|[^\\])"""/g, '$1\\"""').replace(/"+$/, '');
    if (body.endsWith('\\')) body += ' ';
    return '"""' + body + '"""';
  }

  function number() {
    switch (int(6)) {
      case 0: return String(int(1000));
      case 1: return '-' + String(1 + int(1000));
      case 2: return pick(['0', '-0', '1234567890123456789012345']);
      case 3: return (chance(0.5) ? '-' : '') + int(100) + '.' + int(1000);
      case 4: return int(10) + pick(['e', 'E']) + pick(['', '+', '-']) + int(20);
      default: return int(10) + '.' + int(10) + 'e' + int(5);
    }
  }

  function value(out, isConst, depth) {
    const k = int(depth > 3 ? 8 : 11);
    switch (k) {
      case 0: case 1: out.push(number()); break;
      case 2: out.push(stringToken()); break;
      case 3: out.push(blockStringToken()); break;
      case 4: out.push(pick(['true', 'false', 'null'])); break;
      case 5: out.push(pick(['RED', 'ASC', 'AscNullsFirst', 'on', 'query'])); break;
      case 6: case 7:
        if (isConst) out.push(number());
        else out.push('$', name());
        break;
      case 8: case 9:
        out.push('[');
        for (let i = int(4); i > 0; i--) value(out, isConst, depth + 1);
        out.push(']');
        break;
      default:
        out.push('{');
        for (let i = int(4); i > 0; i--) {
          out.push(name(), ':');
          value(out, isConst, depth + 1);
        }
        out.push('}');
    }
  }

  function args(out, isConst) {
    out.push('(');
    for (let i = 1 + int(3); i > 0; i--) {
      out.push(name(), ':');
      value(out, isConst, 0);
    }
    out.push(')');
  }

  function directives(out, isConst) {
    for (let i = chance(0.7) ? 0 : 1 + int(2); i > 0; i--) {
      out.push('@', pick(['include', 'skip', 'deprecated', 'd', 'on']));
      if (chance(0.6)) args(out, isConst);
    }
  }

  function type(out, depth) {
    if (depth < 3 && chance(0.3)) {
      out.push('[');
      type(out, depth + 1);
      out.push(']');
    } else {
      out.push(pick(TYPES));
    }
    if (chance(0.4)) out.push('!');
  }

  function selectionSet(out, depth) {
    out.push('{');
    for (let i = 1 + int(4); i > 0; i--) {
      const k = int(10);
      if (k < 7 || depth > 4) {
        if (chance(0.3)) out.push(name(), ':');
        out.push(name());
        if (chance(0.4)) args(out, false);
        directives(out, false);
        if (depth < 5 && chance(0.35)) selectionSet(out, depth + 1);
      } else if (k < 8) {
        out.push('...', pick(['F', 'Frag', 'onX', 'fragment']));
        directives(out, false);
      } else {
        out.push('...');
        if (chance(0.6)) out.push('on', pick(TYPES));
        directives(out, false);
        selectionSet(out, depth + 1);
      }
    }
    out.push('}');
  }

  function definition(out) {
    const k = int(10);
    if (k < 2) {
      selectionSet(out, 0);
    } else if (k < 8) {
      out.push(pick(['query', 'query', 'mutation', 'subscription']));
      if (chance(0.7)) out.push(pick(['Q', 'GetCompanies', 'on', 'query', 'fragment']));
      if (chance(0.5)) {
        out.push('(');
        for (let i = 1 + int(3); i > 0; i--) {
          out.push('$', name(), ':');
          type(out, 0);
          if (chance(0.4)) {
            out.push('=');
            value(out, true, 0);
          }
          directives(out, true);
        }
        out.push(')');
      }
      directives(out, false);
      selectionSet(out, 0);
    } else {
      out.push('fragment', pick(['F', 'Frag', 'onX']), 'on', pick(TYPES));
      directives(out, false);
      selectionSet(out, 0);
    }
  }

  function tokens() {
    const out = [];
    for (let i = 1 + int(3); i > 0; i--) definition(out);
    return out;
  }

  const SEPARATORS = [' ', ' ', ' ', '\n', '\n  ', ',', ', ', '\t', '\r\n', '\r', ' # a comment\n',
    '#\n', '\ufeff', '', '', ''];
  const isNumber = (t) => /^-?[0-9]/.test(t);
  const isString = (t) => t.startsWith('"');

  function join(toks) {
    let s = chance(0.1) ? '\ufeff' : '';
    for (let i = 0; i < toks.length; i++) {
      if (i > 0) {
        let sep = pick(SEPARATORS);
        const a = toks[i - 1];
        const b = toks[i];
        // adjacent tokens need a separator unless a punctuator stands between them and nothing
        // would run together: a number before "...", a string before a string, "..." before "."
        const glue = (PUNCT.has(a) || PUNCT.has(b)) && !(isNumber(a) && b === '...') &&
          !(isString(a) && isString(b)) && !(a.endsWith('.') && b.startsWith('.'));
        if (sep === '' && !glue) sep = ' ';
        s += sep;
      }
      s += toks[i];
    }
    return s + pick(['', '\n', ' # trailing comment', '\r\n']);
  }

  const EXTRA = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '=', '...', '|', '&', 'a', 'on',
    'fragment', 'query', 'type', 'extend', '1', '-1.5', '"s"', '"""b"""', 'true', 'null'];
  const CHAR_NOISE = ['.', '\'', '\\', '"', '#', '0', 'é', '\u0000', '\u0007', '-', '}', '{', 'e',
    '\u2028', '😀', '\ufeff', '\t', '\r', '\n'];

  function mutate(toks) {
    const t = toks.slice();
    const i = int(t.length);
    switch (int(6)) {
      case 0: t.splice(i, 1); break;
      case 1: t.splice(i, 0, pick(EXTRA)); break;
      case 2: if (i + 1 < t.length) [t[i], t[i + 1]] = [t[i + 1], t[i]]; break;
      case 3: t[i] = pick(EXTRA); break;
      case 4: t.splice(i, 0, t[i]); break;
      default: {
        // by code points: cutting an emoji in half would make a lone surrogate, which UTF-8
        // can not carry to twentyc
        const s = Array.from(join(t));
        const at = int(s.length + 1);
        const kept = chance(0.5) ? [...s.slice(0, at), pick(CHAR_NOISE), ...s.slice(at)] :
          [...s.slice(0, at), ...s.slice(at + 1 + int(3))];
        return kept.join('');
      }
    }
    return join(t);
  }

  return { tokens, join, mutate };
}

module.exports = { generator };
