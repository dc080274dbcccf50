export const id = 953;
export const ids = [953];
export const modules = {

/***/ 9953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startToolkit: () => (/* binding */ startToolkit)
});

// NAMESPACE OBJECT: ./src/report/runner-commands.ts
var runner_commands_namespaceObject = {};
__webpack_require__.r(runner_commands_namespaceObject);
__webpack_require__.d(runner_commands_namespaceObject, {
  debug: () => (debug),
  endGroup: () => (endGroup),
  getIDToken: () => (getIDToken),
  info: () => (info),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary/* summary */.z),
  warning: () => (warning)
});

// EXTERNAL MODULE: ./src/inputs/clouds.ts
var clouds = __webpack_require__(9295);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/report/log.ts

/** Shown instead of a hidden (Bcc) address. */
const HIDDEN_ADDRESS = '[Bcc recipient]';
/** True when some line of `text` could be taken for a workflow command by the runner. */
function couldHoldCommand(text) {
    // Deliberately wider than the runner's parser (any `::`, not only at a line's start): the
    // runner splits lines at \r as well as \n and trims Unicode blanks; a fence costs two lines.
    return text.includes('::') || text.includes('##[');
}
/** An unguessable stop token that does not occur in `text`. */
function stopToken(text) {
    for (;;) {
        const token = `ema-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
        if (!text.includes(token))
            return token;
    }
}
/**
 * `text` as it may be printed: unchanged when no line could be a command, else inside a
 * stop-commands fence. The block is written in one piece, so nothing of the action's own (a mask
 * registered by a token callback, say) can land inside it.
 */
function fenced(text) {
    if (!couldHoldCommand(text))
        return text;
    const token = stopToken(text);
    return `::stop-commands::${token}\n${text}\n::${token}::`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A pattern matching any of `addresses` as a whole address, case-insensitively. */
function addressPattern(addresses) {
    const unique = [...new Set(addresses.map((a) => a.toLowerCase()).filter(Boolean))];
    if (unique.length === 0)
        return undefined;
    // longest first, so that one address that ends another is not replaced inside it
    const alternatives = unique.sort((a, b) => b.length - a.length).map(escapeRegExp);
    return new RegExp(`(?<![\\w.%+\\-])(?:${alternatives.join('|')})(?![\\w\\-]|\\.\\w)`, 'gi');
}
/** The action's printer: masks nothing itself (the runner does), fences and hides. */
class Log {
    toolkit;
    hidden;
    /**
     * The printer, made once the toolkit has loaded; `hiddenAddresses` (Bcc recipients that are
     * not also To or Cc recipients) are never shown.
     */
    constructor(toolkit, hiddenAddresses = []) {
        this.toolkit = toolkit;
        this.hidden = addressPattern(hiddenAddresses);
    }
    /** `text` with every hidden address replaced. */
    redact(text) {
        return this.hidden ? text.replace(this.hidden, HIDDEN_ADDRESS) : text;
    }
    /** True when `address` is hidden (a Bcc recipient). */
    isHidden(address) {
        if (!this.hidden)
            return false;
        this.hidden.lastIndex = 0;
        const hit = this.hidden.test(address);
        this.hidden.lastIndex = 0;
        return hit;
    }
    /** Progress and facts; `text` may hold outside text and several lines. */
    info(text) {
        this.toolkit.info(fenced(this.redact(text)));
    }
    /** Values for whoever turns on step debug logging (one escaped line, never a command). */
    debug(text) {
        this.toolkit.debug(this.redact(text));
    }
    /** A warning annotation (one escaped line, never a command). */
    warning(text) {
        this.toolkit.warning(this.redact(text));
    }
    mask(secret) {
        this.toolkit.setSecret(secret);
    }
    /** Fails the step with `text` as its error annotation. */
    fail(text) {
        this.toolkit.setFailed(this.redact(text));
    }
    /** Prints `text` inside a collapsible group of the log. */
    infoGroup(name, text) {
        this.toolkit.startGroup(name);
        this.info(text);
        this.toolkit.endGroup();
    }
    /** Runs `work` inside a collapsible group of the log. */
    async group(name, work) {
        this.toolkit.startGroup(name);
        try {
            return await work();
        }
        finally {
            this.toolkit.endGroup();
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/command.js
var command = __webpack_require__(9635);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/file-command.js
var file_command = __webpack_require__(2902);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/summary.js
var summary = __webpack_require__(1170);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/utils.js
var utils = __webpack_require__(4679);
// EXTERNAL MODULE: ./src/shared/optional.ts + 1 modules
var optional = __webpack_require__(1181);
;// CONCATENATED MODULE: ./src/report/runner-commands.ts
/**
 * The runner's toolkit without its HTTP stack. `@actions/core`'s entry imports its OIDC client
 * statically, and with it @actions/http-client and undici: some 900 KB that V8 would parse and
 * run on every start (about 20 ms of CPU, on the critical path of a send) though only
 * `getIDToken` uses them. The commands below are core's own functions, built from the modules
 * core builds them from (escaping, file commands and their delimiters, the job summary), so what
 * the runner reads is byte for byte what core writes (`__tests__/report/runner-commands.test.ts`
 * holds the two side by side); core itself loads only for an OIDC token.
 *
 * Those modules are not in core's `exports` map, hence the paths into node_modules: the bundle
 * resolves them at build time, and the test above fails if a new core moves or changes them.
 */







/** core.setSecret: the runner masks `secret` in everything printed after this line. */
function setSecret(secret) {
    (0,command/* issueCommand */.L)('add-mask', {}, secret);
}
/** core.setOutput: through the GITHUB_OUTPUT file, or the old command when the runner gives none. */
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return (0,file_command/* issueFileCommand */.n)('OUTPUT', (0,file_command/* prepareKeyValueMessage */.v)(name, value));
    process.stdout.write(external_node_os_.EOL);
    (0,command/* issueCommand */.L)('set-output', { name }, (0,utils/* toCommandValue */.E)(value));
}
/** core.setFailed: the step fails with `message` as its error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    annotate('error', message);
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function debug(message) {
    (0,command/* issueCommand */.L)('debug', {}, message);
}
function warning(message, properties = {}) {
    annotate('warning', message, properties);
}
function startGroup(name) {
    (0,command/* issue */.s)('group', name);
}
function endGroup() {
    (0,command/* issue */.s)('endgroup');
}
/** core.getIDToken: the runner's OIDC token, the one use of core's HTTP stack (loaded now). */
async function getIDToken(audience) {
    return (await optional/* optional */.l.actionsCore()).getIDToken(audience);
}
function annotate(kind, message, properties = {}) {
    (0,command/* issueCommand */.L)(kind, (0,utils/* toCommandProperties */.k)(properties), message instanceof Error ? message.toString() : message);
}

;// CONCATENATED MODULE: ./src/report/toolkit.ts



/**
 * Loads the runner's toolkit (the first thing after the dial) and makes the one printer. Before
 * anything is printed, every secret is masked, whether or not the inputs were valid; then the
 * settings are logged and the SMTP conversation held since the dial is let through.
 */
function startToolkit(booted) {
    for (const secret of booted.secrets)
        setSecret(secret);
    const log = new Log(runner_commands_namespaceObject, booted.settings ? blindCopies(booted.settings) : []);
    const settings = booted.settings;
    if (settings) {
        logSettings(log, settings);
        booted.transcript.attach((line) => (settings.debug ? log.info(line) : log.debug(line)));
    }
    for (const warning of booted.warnings)
        log.warning(warning);
    return { core: runner_commands_namespaceObject, log };
}
/** Bcc recipients that are not also To or Cc recipients: their addresses are never shown. */
function blindCopies(settings) {
    const visible = new Set([...settings.to, ...settings.cc].map((m) => m.address.toLowerCase()));
    return settings.bcc.map((m) => m.address).filter((address) => !visible.has(address.toLowerCase()));
}
function logSettings(log, settings) {
    log.infoGroup('Settings', [
        `Cloud: ${settings.cloud} · authority ${settings.authorityHost} · ${settings.transport === 'graph' ? `Microsoft Graph ${settings.graphHost}` : `SMTP ${settings.smtpHost}:${settings.smtpPort}`}`,
        `Credential: ${describeCredential(settings)} · app ${settings.clientId} · tenant ${settings.tenantId}`
    ].join('\n'));
    log.debug(`Token scope: ${settings.scope}; sending mailbox: ${settings.smtpUser}`);
    const port = settings.transport === 'smtp' ? (0,clouds/* smtpPortWarning */.qF)(settings.smtpHost, settings.smtpPort) : undefined;
    if (port)
        log.warning(port);
}
function describeCredential(settings) {
    const c = settings.credential;
    if (c.kind === 'secret')
        return 'client secret';
    if (c.kind === 'certificate')
        return `certificate ${c.thumbprintSha256.toUpperCase()} (${c.subject})`;
    return `GitHub OIDC federation (audience ${c.audience})`;
}


/***/ }),

/***/ 1181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ optional)
});

;// CONCATENATED MODULE: ./src/shared/lazy.ts
/**
 * A module loaded on first use, once: optional features (yaml, glob, Markdown, Octokit …) cost
 * nothing in a run that does not use them, and a second use does not load them again.
 */
function lazy(load) {
    let loading;
    return () => (loading ??= load());
}

;// CONCATENATED MODULE: ./src/shared/optional.ts
/**
 * Optional packages: loaded on first use, once, and only by a run that uses them. A bottom-layer
 * helper (it imports nothing of src/), so the code that needs a package loads it here without
 * reaching up to the stages registry; each import() is a chunk of its own, as in src/stages.ts.
 */

const optional = {
    /** The YAML parser, for the `vars` and `headers` inputs. */
    yaml: lazy(() => __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19))),
    /** Glob patterns of the `attachments` input. */
    glob: lazy(() => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(585), __webpack_require__.e(324)]).then(__webpack_require__.bind(__webpack_require__, 943))),
    /** Markdown bodies. */
    marked: lazy(() => __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 8022))),
    /** The text part of a message given only as HTML. */
    htmlToText: lazy(() => __webpack_require__.e(/* import() */ 655).then(__webpack_require__.bind(__webpack_require__, 7036))),
    /** The whole of @actions/core with its HTTP stack, only for GitHub's OIDC token (see report/runner-commands.ts). */
    actionsCore: lazy(() => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(585)]).then(__webpack_require__.bind(__webpack_require__, 6585))),
    /** Octokit, to read the run's jobs for the message. */
    octokit: lazy(() => Promise.all([Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(665), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 1351)), Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(665)]).then(__webpack_require__.bind(__webpack_require__, 8665))]))
};


/***/ }),

/***/ 9635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand),
/* harmony export */   s: () => (/* binding */ issue)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4679);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 2902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ issueFileCommand),
/* harmony export */   v: () => (/* binding */ prepareKeyValueMessage)
/* harmony export */ });
/* harmony import */ var crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6982);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9896);
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4679);
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync(filePath, `${(0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(message)}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID()}`;
    const convertedValue = (0,_utils_js__WEBPACK_IMPORTED_MODULE_3__/* .toCommandValue */ .E)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${convertedValue}${os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 1170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yo: () => (/* binding */ markdownSummary),
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_ENV_VAR, SUMMARY_DOCS_URL */
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(857);
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9896);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = fs__WEBPACK_IMPORTED_MODULE_1__.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, fs__WEBPACK_IMPORTED_MODULE_1__.constants.R_OK | fs__WEBPACK_IMPORTED_MODULE_1__.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue),
/* harmony export */   k: () => (/* binding */ toCommandProperties)
/* harmony export */ });
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

};
