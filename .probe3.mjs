import { Marked } from 'marked'
const m = new Marked({ gfm: true, breaks: true })
for (const [n, s] of [['esc_', '\\_a'.repeat(60000)], ['esc*', '\\*a'.repeat(60000)], ['u10k', '_a'.repeat(5000)], ['u20k', '_a'.repeat(10000)], ['mix', '_a*b'.repeat(15000)], ['lines', ('_a'.repeat(500) + '\n').repeat(120)], ['paras', ('_a'.repeat(500) + '\n\n').repeat(120)], ['words', '_a _b '.repeat(20000)], ['under-word', 'a_b_c '.repeat(20000)], ['star-word', '*a* '.repeat(30000)], ['tilde', '~a'.repeat(60000)], ['lt', '<a'.repeat(60000)], ['bt', '`a'.repeat(60000)], ['brk', '[a]'.repeat(40000)], ['brk2', '![a'.repeat(40000)]]) {
  const t0 = performance.now(); m.parse(s); console.log(n, (performance.now() - t0).toFixed(0), 'ms')
}
