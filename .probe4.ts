import { Liquid } from 'liquidjs'
const e = new Liquid({ jsTruthy: true })
for (const v of [{ length: {} , size: 'x'}, [{ a: 1 }], { length: 5 }, { length: {} }])
  try { console.log(await e.parseAndRender('{{ v | truncate: 15 | strip | escape | newline_to_br }}', { v })) } catch (err) { console.log('ERR', JSON.stringify(v), String(err)) }
