'use strict';
// LoopBack 3's own remote connector (loopback-connector-remote) as a client of a Backloop server: the other
// direction of the wire-compatibility tests. LoopBack3ClientTest boots the Backloop app `apps/shop`
// (Customer hasMany Order, Order belongsTo Customer, the custom methods Customer.greet and
// Customer.prototype.describe) and runs `node remote-client.js <rest root url>`; the same URL may come from
// BACKLOOP_URL. Every check runs, each prints ok or FAIL, and the exit status is the number of failures
// (capped), so the test sees any of them.
const assert = require('assert');
const loopback = require('loopback');
const remoteConnector = require('loopback-connector-remote');

const url = process.argv[2] || process.env.BACKLOOP_URL;
if (!url) {
  console.error('usage: node remote-client.js <url of the Backloop REST root, e.g. http://127.0.0.1:3000/api>');
  process.exit(2);
}

// The client's models: the same names, properties, relations and methods as the server's, attached to a
// remote datasource, as a LoopBack 3 gateway declares them.
const app = loopback({localRegistry: true, loadBuiltinModels: true});
const remote = app.dataSource('backloop', {connector: remoteConnector, url: url});

const Customer = app.registry.createModel({
  name: 'Customer',
  base: 'PersistedModel',
  strict: false,
  properties: {
    name: {type: 'string', required: true},
    city: 'string',
    age: 'number',
    since: 'date',
    tags: ['string'],
  },
  relations: {
    orders: {type: 'hasMany', model: 'Order', foreignKey: 'customerId'},
  },
  methods: {
    greet: {
      accepts: {arg: 'msg', type: 'string'},
      returns: {arg: 'greeting', type: 'string'},
      http: {verb: 'post', path: '/greet'},
    },
    'prototype.describe': {
      accepts: {arg: 'prefix', type: 'string', http: {source: 'query'}},
      returns: {arg: 'text', type: 'string'},
      http: {verb: 'get', path: '/describe'},
    },
  },
});
const Order = app.registry.createModel({
  name: 'Order',
  base: 'PersistedModel',
  properties: {
    total: {type: 'number', required: true},
    status: {type: 'string', default: 'open'},
  },
  relations: {
    customer: {type: 'belongsTo', model: 'Customer', foreignKey: 'customerId'},
  },
});
app.model(Customer, {dataSource: remote});
app.model(Order, {dataSource: remote});

const checks = [];
function check(name, fn) {
  checks.push({name, fn});
}

async function seed() {
  // one by one: an array create works on the server, but LoopBack 3's client refuses the array it answers
  // (the return type of create is one instance), against LoopBack 3 as well
  const made = [];
  for (const data of [
    {name: 'Ann', city: 'Oslo', age: 30, since: new Date('2020-01-02T03:04:05.000Z'), tags: ['a']},
    {name: 'Bo', city: 'Rome', age: 25, tags: []},
    {name: 'Cid', city: 'Oslo', age: 41, tags: ['a', 'b']},
  ]) {
    made.push(await Customer.create(data));
  }
  return made;
}

async function emptyAll() {
  for (const Model of [Order, Customer]) {
    const all = await Model.find({fields: {id: true}});
    for (const one of all) {
      await Model.destroyById(one.id);
    }
  }
}

check('create answers the instance with its generated id and typed values', async() => {
  const ann = await Customer.create({name: 'Ann', city: 'Oslo', age: 30,
    since: new Date('2020-01-02T03:04:05.000Z'), tags: ['a', 'b']});
  assert.ok(ann instanceof Customer, 'an instance of the client model');
  assert.ok(ann.id != null, 'an id');
  assert.strictEqual(ann.name, 'Ann');
  assert.ok(ann.since instanceof Date);
  assert.strictEqual(ann.since.toISOString(), '2020-01-02T03:04:05.000Z');
  assert.deepStrictEqual(Array.from(ann.tags), ['a', 'b']);
});

check('find with where, order, limit and skip', async() => {
  await seed();
  let found = await Customer.find({where: {city: 'Oslo'}, order: 'age DESC'});
  assert.deepStrictEqual(found.map(c => c.name), ['Cid', 'Ann']);
  found = await Customer.find({where: {or: [{age: {lt: 26}}, {name: 'Cid'}]}, order: 'name ASC'});
  assert.deepStrictEqual(found.map(c => c.name), ['Bo', 'Cid']);
  found = await Customer.find({order: ['city DESC', 'age ASC'], limit: 2, skip: 1});
  assert.deepStrictEqual(found.map(c => c.name), ['Ann', 'Cid']);
  found = await Customer.find({where: {name: {inq: ['Ann', 'Bo']}, age: {between: [20, 29]}}});
  assert.deepStrictEqual(found.map(c => c.name), ['Bo']);
  found = await Customer.find({where: {name: {like: 'C%'}}});
  assert.deepStrictEqual(found.map(c => c.name), ['Cid']);
  found = await Customer.find({where: {since: {gt: new Date('2019-12-31T00:00:00.000Z')}}});
  assert.deepStrictEqual(found.map(c => c.name), ['Ann']);
});

check('find with fields returns only those properties', async() => {
  await seed();
  const found = await Customer.find({fields: {name: true, city: true}, where: {name: 'Bo'}});
  assert.strictEqual(found.length, 1);
  const data = found[0].toJSON();
  assert.strictEqual(data.name, 'Bo');
  assert.strictEqual(data.city, 'Rome');
  assert.strictEqual(data.age, undefined);
  assert.strictEqual(data.id, undefined);
});

check('findById finds, and a missing id is null', async() => {
  const [ann] = await seed();
  const found = await Customer.findById(ann.id);
  assert.strictEqual(found.name, 'Ann');
  assert.strictEqual(found.since.toISOString(), '2020-01-02T03:04:05.000Z');
  // the connector maps the 404 MODEL_NOT_FOUND of findById to null
  assert.strictEqual(await Customer.findById(987654), null);
});

check('findOne and exists', async() => {
  await seed();
  const bo = await Customer.findOne({where: {age: {lt: 28}}});
  assert.strictEqual(bo.name, 'Bo');
  assert.strictEqual(await Customer.findOne({where: {name: 'Nobody'}}), null);
  assert.strictEqual(await Customer.exists(bo.id), true);
  assert.strictEqual(await Customer.exists(987654), false);
});

check('count with and without a where', async() => {
  await seed();
  assert.strictEqual(await Customer.count(), 3);
  assert.strictEqual(await Customer.count({city: 'Oslo'}), 2);
  assert.strictEqual(await Customer.count({age: {gte: 100}}), 0);
});

check('updateAll changes the matches and answers their count', async() => {
  await seed();
  const info = await Customer.updateAll({city: 'Oslo'}, {city: 'Bergen'});
  assert.strictEqual(info.count, 2);
  assert.strictEqual(await Customer.count({city: 'Bergen'}), 2);
  assert.strictEqual(await Customer.count({city: 'Rome'}), 1);
});

check('upsert (patchOrCreate) creates, then patches', async() => {
  const made = await Customer.upsert({name: 'Dan', age: 20});
  assert.ok(made.id != null);
  const patched = await Customer.upsert({id: made.id, age: 21});
  assert.strictEqual(patched.name, 'Dan');
  assert.strictEqual(patched.age, 21);
  assert.strictEqual(await Customer.count(), 1);
});

check('replaceOrCreate and replaceById replace the whole instance', async() => {
  const dan = await Customer.create({name: 'Dan', age: 20, city: 'Oslo'});
  const replaced = await Customer.replaceOrCreate({id: dan.id, name: 'Daniel'});
  assert.strictEqual(replaced.name, 'Daniel');
  assert.strictEqual((await Customer.findById(dan.id)).city, undefined);
  const again = await Customer.replaceById(dan.id, {name: 'Dani', age: 5});
  assert.strictEqual(again.name, 'Dani');
  assert.strictEqual((await Customer.findById(dan.id)).age, 5);
});

check('prototype.updateAttributes patches one instance', async() => {
  const [ann] = await seed();
  const patched = await ann.updateAttributes({age: 31, city: 'Paris'});
  assert.strictEqual(patched.age, 31);
  assert.strictEqual(patched.name, 'Ann');
  const read = await Customer.findById(ann.id);
  assert.strictEqual(read.city, 'Paris');
  assert.strictEqual(read.age, 31);
});

check('destroyById deletes, and a second delete counts 0', async() => {
  const [ann] = await seed();
  const info = await Customer.destroyById(ann.id);
  assert.strictEqual(info.count, 1);
  assert.strictEqual(await Customer.findById(ann.id), null);
  assert.strictEqual((await Customer.destroyById(ann.id)).count, 0);
  assert.strictEqual(await Customer.count(), 2);
});

check('the custom static method Customer.greet', async() => {
  assert.strictEqual(await Customer.greet('John'), 'Greetings... John');
});

check('the custom instance method Customer.prototype.describe', async() => {
  const [ann] = await seed();
  assert.strictEqual(await ann.describe('Dear'), 'Dear Ann of Oslo');
});

check('relation methods: create, list, count and find orders of a customer', async() => {
  const [ann, bo] = await seed();
  const first = await ann.orders.create({total: 10});
  await ann.orders.create({total: 25, status: 'paid'});
  await bo.orders.create({total: 7});
  assert.strictEqual(first.customerId, ann.id);
  assert.strictEqual(first.status, 'open');
  const orders = await ann.orders({order: 'total DESC'});
  assert.deepStrictEqual(orders.map(o => o.total), [25, 10]);
  const paid = await ann.orders({where: {status: 'paid'}});
  assert.deepStrictEqual(paid.map(o => o.total), [25]);
  assert.strictEqual(await ann.orders.count(), 2);
  const one = await ann.orders.findById(first.id);
  assert.strictEqual(one.total, 10);
  await ann.orders.destroyById(first.id);
  assert.strictEqual(await ann.orders.count(), 1);
  assert.strictEqual(await Order.count(), 2);
});

check('include: customers with their orders, an order with its customer', async() => {
  const [ann, bo] = await seed();
  await ann.orders.create({total: 10});
  await ann.orders.create({total: 20});
  await bo.orders.create({total: 30});
  const customers = await Customer.find({include: 'orders', order: 'name ASC', where: {name: {inq: ['Ann', 'Bo']}}});
  const totals = customers.map(c => c.toJSON().orders.map(o => o.total).sort((a, b) => a - b));
  assert.deepStrictEqual(totals, [[10, 20], [30]]);
  // the included orders are the relation's cache: reading them sends no request
  assert.deepStrictEqual(customers[1].orders().map(o => o.total), [30]);
  const scoped = await Customer.find({where: {name: 'Ann'},
    include: {relation: 'orders', scope: {where: {total: {gt: 15}}}}});
  assert.deepStrictEqual(scoped[0].toJSON().orders.map(o => o.total), [20]);
  const order = await Order.findOne({where: {total: 30}, include: 'customer'});
  assert.strictEqual(order.toJSON().customer.name, 'Bo');
});

check('a validation error keeps 422, its name and its details', async() => {
  await assert.rejects(Customer.create({age: 3}), err => {
    assert.strictEqual(err.statusCode, 422);
    assert.strictEqual(err.name, 'ValidationError');
    assert.deepStrictEqual(err.details.codes, {name: ['presence']});
    return true;
  });
});

check('a missing instance is a 404: replace, patch, instance and relation methods', async() => {
  await assert.rejects(Customer.replaceById(987654, {name: 'x'}), err => {
    assert.strictEqual(err.statusCode, 404);
    assert.strictEqual(err.message, 'Could not replace. Object with id 987654 does not exist!');
    return true;
  });
  const ghost = new Customer({id: 987654, name: 'Ghost'});
  for (const call of [() => ghost.updateAttributes({age: 1}), () => ghost.describe('x'), () => ghost.orders()]) {
    await assert.rejects(call(), err => {
      assert.strictEqual(err.statusCode, 404);
      assert.strictEqual(err.code, 'MODEL_NOT_FOUND');
      assert.strictEqual(err.message, 'could not find a model with id 987654');
      return true;
    });
  }
});

async function main() {
  let failed = 0;
  for (const c of checks) {
    try {
      await emptyAll();
      await c.fn();
      console.log('ok   ' + c.name);
    } catch (err) {
      failed++;
      // the stack of an error answered by the server is the server's: its first lines are enough
      const lines = String(err && err.stack || err).split('\n').slice(0, 12);
      console.log('FAIL ' + c.name + '\n     ' + lines.join('\n     '));
    }
  }
  console.log((checks.length - failed) + ' of ' + checks.length + ' checks passed against ' + url);
  process.exit(Math.min(failed, 100));
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
