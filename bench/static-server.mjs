#!/usr/bin/env node
// The static limit for bench/api.mjs: a bare node:http server that answers each path with the
// exact bytes (and content type) the CMS answered, from a JSON file of { path: { type, body } }.
//   node bench/static-server.mjs <answers.json> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([path, { type, body }]) => [
    path,
    { type, body: Buffer.from(body, 'base64') },
  ]),
);

createServer((req, res) => {
  const answer = answers.get(req.url);
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': answer.type, 'content-length': answer.body.length });
  res.end(answer.body);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
