'use strict';
// A LoopBack 3 app on the memory connector, served on 127.0.0.1:$PORT; the remote connector's
// wire-compatibility test (RemoteLoopBack3Test) starts it and talks to it over REST.
const loopback = require('loopback');
const boot = require('loopback-boot');
const errorHandler = require('strong-error-handler');

const app = module.exports = loopback();

boot(app, __dirname, function(err) {
  if (err) throw err;
  app.use(app.get('restApiRoot'), loopback.rest());
  app.use(loopback.urlNotFound());
  app.use(errorHandler({debug: false, log: false}));
  const port = Number(process.env.PORT || app.get('port'));
  const server = app.listen(port, '127.0.0.1', function() {
    // the test waits for this line before it sends requests
    console.log('LoopBack 3 listening on http://127.0.0.1:' + server.address().port + app.get('restApiRoot'));
  });
  // the test closes stdin when it is done, so the app never outlives it
  process.stdin.on('end', function() { process.exit(0); });
  process.stdin.resume();
});
