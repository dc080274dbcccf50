export const id = 786;
export const ids = [786];
export const modules = {

/***/ 3786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startToolkit: () => (/* binding */ startToolkit)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
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

;// CONCATENATED MODULE: ./src/report/toolkit.ts



/**
 * Loads the runner's toolkit (the first thing after the dial) and makes the one printer. Before
 * anything is printed, every secret is masked, whether or not the inputs were valid; then the
 * settings are logged and the SMTP conversation held since the dial is let through.
 */
function startToolkit(booted) {
    for (const secret of booted.secrets)
        core.setSecret(secret);
    const log = new Log(core, booted.settings ? blindCopies(booted.settings) : []);
    const settings = booted.settings;
    if (settings) {
        logSettings(log, settings);
        booted.transcript.attach((line) => (settings.debug ? log.info(line) : log.debug(line)));
    }
    for (const warning of booted.warnings)
        log.warning(warning);
    return { core: core, log };
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


/***/ })

};
