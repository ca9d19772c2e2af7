'use strict';
// The custom methods remote-client.js calls; LoopBack3ClientTest gives the Backloop app the same ones.
module.exports = function(Customer) {
  Customer.greet = function(msg, cb) {
    cb(null, 'Greetings... ' + msg);
  };
  Customer.prototype.describe = function(prefix, cb) {
    cb(null, prefix + ' ' + this.name + ' of ' + this.city);
  };
};
