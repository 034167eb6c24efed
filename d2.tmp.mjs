import fs from 'node:fs';
import { Builder } from './dist/build.js';
const root = '/tmp/dev10k';
const b = new Builder({ root, watched: true });
let r = await b.build();
const dir = root + '/content/2015/01/02'; const f = dir + '/' + fs.readdirSync(dir)[0];
for (let i = 0; i < 5; i++) { fs.appendFileSync(f, `\nw${i}\n`); b.sourceChanged(f.slice(root.length + 1)); await b.build(); }
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
let tot = 0;
for (let i = 0; i < 20; i++) { fs.appendFileSync(f, `\ne${i}\n`); b.sourceChanged(f.slice(root.length + 1)); const t = performance.now(); r = await b.build(); tot += performance.now() - t; }
const { profile: p } = await s.post('Profiler.stop');
console.log('avg build', Math.round(tot / 20), JSON.stringify(r.stats.timings));
const cnt=new Map();const dt=p.timeDeltas;p.samples.forEach((x,i)=>cnt.set(x,(cnt.get(x)||0)+(dt[i]||0)));
const self=new Map();
for(const n of p.nodes){const u=n.callFrame.url; const k=n.callFrame.functionName+' '+(u.split('/').slice(-2).join('/'))+':'+n.callFrame.lineNumber; self.set(k,(self.get(k)||0)+(cnt.get(n.id)||0));}
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>(v/20000).toFixed(1)+'ms/build '+k).join('\n'))
