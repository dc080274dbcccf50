import { interopSuite } from './suite.js'

interopSuite('postfix')
