// Turns the JSON lines of bench/run.sh into the Markdown results file (on stdout).
//   node bench/report.js RESULTS.jsonl key=value...
'use strict';
const fs = require('fs');

const [file, ...pairs] = process.argv.slice(2);
const meta = Object.fromEntries(pairs.map(p => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
const runs = fs.readFileSync(file, 'utf8').trim().split('\n').map(line => JSON.parse(line));

const NAMES = {backloop: 'Backloop', lb3: 'LoopBack 3', jetty: 'bare Jetty'};
const DESCRIPTIONS = {
  byid: 'GET /api/Books/{id}, random id in 1..10000',
  find: 'GET /api/Books?filter={"where":{"genre":"fantasy","year":{"gt":1990}},"order":"price DESC","limit":10}',
  include: 'GET /api/Books?filter={...the find\'s filter..., "include":"publisher"} (Book belongsTo Publisher, 20 Publishers)',
  count: 'GET /api/Books/count?where={"genre":"fantasy","year":{"gte":2000}}',
  create: 'POST /api/Books (one Book)',
  mixed: '80% GET by id, 20% POST create',
};
// the goals: ≥5× LoopBack 3 on reads, ≥3× on writes (mixed is held to the write goal)
const READS = new Set(['byid', 'find', 'include', 'count']);

const workloads = [...new Set(runs.map(r => r.workload))];
const servers = [...new Set(runs.map(r => r.server))];
const run = (w, s) => runs.find(r => r.workload === w && r.server === s);
const ms = us => (us / 1000).toFixed(us < 10000 ? 2 : 1);
const rps = r => Math.round(r.wrk.rps).toLocaleString('en-US');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
// the server's own CPU time over the measured run per request: steadier than req/s on a shared machine
const cpuPerRequestValue = r => (r.cpu_ms * 1000) / r.wrk.requests;
const cpuPerRequest = r => Math.round(cpuPerRequestValue(r)).toLocaleString('en-US');
// JIT compiler threads' share of it (JVMs only): high means the warm-up was too short to measure steady state
const jitPerRequest = r => (r.jit_ms === undefined || r.server === 'lb3' ? '–'
  : Math.round((r.jit_ms * 1000) / r.wrk.requests).toLocaleString('en-US'));
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const out = [];
out.push(`# Load benchmark: Backloop, LoopBack 3 and bare Jetty (${meta.date}, nproc ${meta.nproc})`, '');
out.push('Produced by `bench/run.sh' + (meta.mode === 'quick' ? ' --quick' : '') + '`. Every figure below comes from this one run on this one machine;');
out.push('compare the ratios, not the absolute numbers, with other runs.', '');
out.push(`- Machine: ${meta.nproc} cores (${meta.cpu}), shared by the server under test and wrk.`);
out.push(`- ${meta.java}; Node ${meta.node}; LoopBack ${meta.lb3} (loopback-datasource-juggler memory connector).`);
out.push(`- wrk ${meta.wrk}; each server restarted and re-seeded with ${meta.records} Books per workload.`);
out.push(`- Load average (1, 5, 15 min): ${meta.load}. Other processes above 5% CPU at the end (ps, lifetime average): ${meta.others}.`);
out.push(`- Backloop and LoopBack 3 gave byte-identical bodies for the records, the find, the find with include, the count and a create: ${meta.same}.`);
if (meta.note) out.push(`- Note: ${meta.note}`);
out.push('');

out.push('## Requests/s and latency', '');
out.push('| workload | server | req/s | p50 ms | p99 ms | server CPU µs/req | of which JIT µs/req | errors | peak RSS MB |');
out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const w of workloads) {
  for (const s of servers) {
    const r = run(w, s);
    if (!r) continue;
    const errors = r.wrk.non2xx + r.wrk.socket_errors;
    out.push(`| ${w} | ${NAMES[s]} | ${rps(r)} | ${ms(r.wrk.p50_us)} | ${ms(r.wrk.p99_us)} | ${cpuPerRequest(r)} | ${jitPerRequest(r)} | ${errors} | ${r.rss_mb} |`);
  }
}
out.push('');

out.push('## Ratios (same run)', '');
out.push('| workload | Backloop / LoopBack 3 req/s | goal | LoopBack 3 p99 / Backloop p99 (goal ≥ 5) | Backloop / bare Jetty req/s | LoopBack 3 / Backloop CPU per req | bare Jetty / Backloop CPU per req |');
out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const w of workloads) {
  const b = run(w, 'backloop');
  const l = run(w, 'lb3');
  const j = run(w, 'jetty');
  const goal = READS.has(w) ? 5 : 3;
  const vsLb3 = b && l ? b.wrk.rps / l.wrk.rps : null;
  const mark = vsLb3 === null ? '' : vsLb3 >= goal ? ' ✓' : ' ✗';
  out.push(`| ${w} | ${ratio(b && b.wrk.rps, l && l.wrk.rps)}${mark} | ≥ ${goal}× | ` +
    `${ratio(l && l.wrk.p99_us, b && b.wrk.p99_us)} | ${ratio(b && b.wrk.rps, j && j.wrk.rps)}${w === 'byid' ? ' (goal ≥ 0.50×)' : ''} | ` +
    `${ratio(l && cpuPerRequestValue(l), b && cpuPerRequestValue(b))} | ${ratio(j && cpuPerRequestValue(j), b && cpuPerRequestValue(b))} |`);
}
out.push('');

out.push('## Per server', '');
out.push('| server | time to first response after start, ms (median, min–max) | peak RSS MB (max over workloads) |');
out.push('| --- | ---: | ---: |');
for (const s of servers) {
  const rs = runs.filter(r => r.server === s);
  const starts = rs.map(r => r.start_ms);
  out.push(`| ${NAMES[s]} | ${median(starts)} (${Math.min(...starts)}–${Math.max(...starts)}) | ${Math.max(...rs.map(r => r.rss_mb))} |`);
}
out.push('');
out.push('Server CPU µs/req is the server process\'s user + system CPU time during the measured run (from');
out.push('`/proc/<pid>/stat`) divided by the requests served: it does not count time spent waiting for a core, so it');
out.push('varies less than req/s when other work shares the machine. The CPU ratios read like the req/s ones: above');
out.push('1× means Backloop spends less CPU per request. "Of which JIT" is the part spent by the JVM\'s JIT compiler');
out.push('threads during the measured run: when it is more than a few µs the server was still warming up, and its');
out.push('CPU per request overstates the steady state (raise `--warmup`).');
out.push('');
out.push('Errors are non-2xx answers plus socket errors (wrk runs with a 10 s timeout, so a slow answer counts');
out.push('in the latency, not as an error).');
out.push('');
out.push('Time to first response: from the exec of `java -jar backloop-server.jar bench/app` (or `node`, or the');
out.push('bare Jetty main) to the first 200 on `GET /api/Books/count`, polled every 10 ms; the goal for Backloop is');
out.push('≤ 1500 ms. Peak RSS is `VmHWM` from `/proc/<pid>/status` after the measured run. The JVMs run with');
out.push('default flags (no `-Xmx`), so their RSS follows the default heap sizing.', '');

out.push('## Workloads', '');
for (const w of workloads) out.push(`- **${w}**: \`${DESCRIPTIONS[w] || w}\``);
out.push('');
process.stdout.write(out.join('\n'));
