// Writes the benchmark's 20 Publishers (publishers.json) and 10,000 Book records as JSON arrays of 1,000
// (batch-NNN.json) into the folder given as the first argument. Deterministic, so every server is seeded
// with the same data by the same POSTs, and ids come out in the same order on each (Publishers 1..20
// first, then Books 1..10000, each Book belonging to one of them).
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
const total = Number(process.argv[3] || 10000);
const batch = 1000;
const genres = ['fantasy', 'science', 'history', 'poetry', 'crime', 'travel', 'cooking', 'biography'];
const authors = ['Ada Byron', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov',
  'Donald Knuth', 'Frances Allen', 'John Backus', 'Niklaus Wirth', 'Margaret Hamilton'];

const cities = ['London', 'Boston', 'Zurich', 'Delft', 'Paris'];
const publishers = 20;

fs.mkdirSync(out, {recursive: true});
fs.writeFileSync(path.join(out, 'publishers.json'), JSON.stringify(
  Array.from({length: publishers}, (_, i) => ({name: `Publisher ${i + 1}`, city: cities[i % cities.length]}))));
for (let start = 0, file = 0; start < total; start += batch, file++) {
  const records = [];
  for (let i = start; i < Math.min(start + batch, total); i++) {
    records.push({
      title: `Book ${i + 1}: ${genres[i % 8]} volume ${Math.floor(i / 8)}`,
      author: authors[(i * 7) % authors.length],
      genre: genres[i % genres.length],
      year: 1950 + ((i * 37) % 75),
      // 7919 is coprime with 10000, so prices are distinct and "order by price" has no ties
      price: 5 + ((i * 7919) % 10000) / 100,
      pages: 100 + ((i * 13) % 900),
      inStock: i % 3 !== 0,
      publisherId: 1 + ((i * 3) % publishers),
    });
  }
  fs.writeFileSync(path.join(out, `batch-${String(file).padStart(3, '0')}.json`), JSON.stringify(records));
}
