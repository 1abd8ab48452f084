/**
 * Preloaded into the API process by the benchmark (`node -r tools/bench/sql-counter.cjs main.js`),
 * never part of the product: counts the SQL statements the process sends to PostgreSQL, so the
 * benchmark can report statements per request.
 *
 * Every pg client of the process (TypeORM's pool and pg-boss's) shares pg.Client.prototype.query,
 * which is wrapped here. The count (and the statements' first words, by kind) is served as JSON on
 * 127.0.0.1:SQL_COUNTER_PORT; a POST resets it.
 */
'use strict';
const http = require('node:http');
const pg = require('pg');

const counts = new Map();
let total = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : (config && config.text) || '?';
  total += 1;
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  counts.set(key, (counts.get(key) || 0) + 1);
  return original.call(this, config, ...rest);
};

const port = Number(process.env.SQL_COUNTER_PORT || 0);
if (port) {
  http
    .createServer((req, res) => {
      if (req.method === 'POST') {
        total = 0;
        counts.clear();
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ total, byText: Object.fromEntries(counts) }));
    })
    .listen(port, '127.0.0.1')
    .unref();
}
