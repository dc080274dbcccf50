import { interopSuite } from './suite.js'

interopSuite('dovecot')
