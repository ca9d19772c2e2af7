'use strict';
// The custom methods person.json declares; the Backloop client declares the same ones with no code, and
// its remote connector forwards them here.
module.exports = function(Person) {
  Person.greet = function(name, cb) {
    cb(null, 'Hello, ' + name + ', from LoopBack 3');
  };
  Person.prototype.describe = function(style, cb) {
    cb(null, this.name + ' (' + style + ')');
  };
};
