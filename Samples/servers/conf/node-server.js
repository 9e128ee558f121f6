// node Samples/servers/conf/node-server.js 8107 /tmp/srv/docroot
// Node's built-in http module with a minimal static handler (written for this corpus).
'use strict';
const http = require('http'), fs = require('fs'), path = require('path');
const port = Number(process.argv[2] || 8107), root = path.resolve(process.argv[3] || '.');
http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'Allow': 'GET, HEAD', 'Content-Type': 'text/plain' });
    return res.end('method not allowed\n');
  }
  const file = path.join(root, decodeURIComponent(req.url.split('?')[0]));
  fs.stat(file, (err, st) => {
    if (err || !file.startsWith(root) || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    const lm = st.mtime.toUTCString(), ims = Date.parse(req.headers['if-modified-since'] || '');
    if (!isNaN(ims) && Math.floor(st.mtimeMs / 1000) * 1000 <= ims) {
      res.writeHead(304, { 'Last-Modified': lm });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/plain',
                         'Content-Length': st.size, 'Last-Modified': lm });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}).listen(port, '127.0.0.1');
