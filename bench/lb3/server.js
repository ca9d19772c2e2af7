// Serves an app directory in LoopBack 3 layout with the real LoopBack 3:
//   node bench/lb3/server.js APP_DIR PORT
// The app directory holds JSON files only, so boot it from here, where node_modules is.
'use strict';
const path = require('path');
const loopback = require('loopback');
const boot = require('loopback-boot');

const appDir = path.resolve(process.argv[2]);
const port = Number(process.argv[3] || 3000);
const app = loopback();

boot(app, path.join(appDir, 'server'), err => {
  if (err) throw err;
  app.use(app.get('restApiRoot'), loopback.rest());
  app.listen(port, '127.0.0.1', () => console.log(`LoopBack 3 is serving ${appDir} at http://127.0.0.1:${port}`));
});
