import { Liquid } from 'liquidjs'
const e = new Liquid({ jsTruthy: true })
const vals: unknown[] = [{ length: {}, size: 'x' }, [{ a: 1 }], {}, [], [[]], { message: 'x', name: 'y' }, null, Object.create(null)]
for (const v of vals)
  try { console.log(await e.parseAndRender('{% if v > 0 %}gt{% endif %}{% if v != 1 %}ne{% endif %}', { v })) } catch (err) { console.log('ERR', v, String(err)) }
