export const id = 611;
export const ids = [611];
export const modules = {

/***/ 8339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ resolveAttachments),
/* harmony export */   pU: () => (/* binding */ parseIfNoFilesFound),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export globPattern */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_optional_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1181);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9354);
/* harmony import */ var _workspace_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4342);




/** Bytes as "1.2 MB". */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['kB', 'MB', 'GB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
/** The `if-no-files-found` input: warn (the default), error or ignore, in any case. */
function parseIfNoFilesFound(value) {
    const choice = (value || 'warn').toLowerCase();
    if (choice !== 'warn' && choice !== 'error' && choice !== 'ignore') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('if-no-files-found', `'${value}' is not one of warn, error or ignore.`);
    }
    return choice;
}
/**
 * Resolves the attachment patterns (relative to the workspace) with @actions/glob and reads the
 * files, before any network use: a file outside the workspace or not a regular file (see
 * workspace-files.ts), or a total above the limit, is an input error; a pattern that matches no
 * file is one with `if-no-files-found: error`, a warning with `warn` (a nightly report whose job
 * failed before writing it still mails what failed). The bytes are read once, here, and those
 * bytes are sent: nothing is read again by path later.
 */
async function resolveAttachments(patterns, workspace, maxBytes, ifNoFilesFound) {
    if (patterns.length === 0)
        return { attachments: [], warnings: [] };
    // @actions/glob is loaded only when there is something to attach.
    const glob = await _shared_optional_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .l.glob();
    const matched = new Map(); // name → identity, once known
    const warnings = [];
    for (const pattern of patterns) {
        const negated = pattern.startsWith('!');
        const body = negated ? pattern.slice(1) : pattern;
        const globber = await glob.create(globPattern(workspace, body, pattern), {
            matchDirectories: false,
            implicitDescendants: false
        });
        const files = await globber.glob();
        if (negated) {
            exclude(matched, files, workspace);
            continue;
        }
        if (files.length === 0) {
            const found = noFileFound(pattern, workspace, ifNoFilesFound);
            if (found)
                warnings.push(found);
        }
        for (const file of files.sort())
            if (!matched.has(file))
                matched.set(file, undefined);
    }
    return { attachments: readAttachments([...matched.keys()], workspace, maxBytes), warnings };
}
/**
 * The absolute glob pattern for `body`. The workspace's own path is escaped: a runner folder
 * named `C:\actions-runner[2]` or `/home/me/build*` must not turn into a glob of its own. A
 * backslash is a separator on Windows only; elsewhere it is the glob's escape, so a pattern
 * written for Windows (`reports\*.xml`) would silently match nothing: it is refused instead.
 */
function globPattern(workspace, body, pattern, p = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    if (p.sep === '/' && body.includes('\\')) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('attachments', `'${pattern}' holds a backslash, which is not a path separator on Linux or macOS runners: write '${pattern.replace(/\\/g, '/')}', which works on every runner. To match a glob character literally, use brackets ('[*]').`);
    }
    const absolute = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInWorkspace */ .z1)(workspace, body, 'attachments', 'pattern', p);
    const root = p.resolve(workspace);
    const relative = p.relative(root, absolute);
    if (relative === '')
        return escapeGlob(root, p);
    // Outside by name (another spelling of the workspace, see workspace-files.ts): as written.
    if (relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative))
        return absolute;
    return `${escapeGlob(root, p)}${p.sep}${relative}`;
}
/** `literal` as a glob that matches exactly it (as @actions/glob's own Pattern.globEscape). */
function escapeGlob(literal, p) {
    return (p.sep === '/' ? literal.replace(/\\/g, '\\\\') : literal)
        .replace(/\[/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/** What an unmatched pattern gives: an input error, a warning, or nothing. */
function noFileFound(pattern, workspace, ifNoFilesFound) {
    if (ifNoFilesFound === 'ignore')
        return undefined;
    const what = `'${pattern}' matches no file (in ${workspace})`;
    if (ifNoFilesFound === 'error') {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('attachments', `${what}; 'if-no-files-found' is 'error'.`);
    }
    return `Input 'attachments': ${what}: the message is sent without it. Set 'if-no-files-found' to 'error' to fail the step instead, or to 'ignore'.`;
}
/**
 * Removes every matched file that an exclusion names, compared as files, not names: on NTFS and
 * APFS `!Reports/sub/*.xml` excludes `reports/sub/B.XML`, which the glob spells as found.
 */
function exclude(matched, files, workspace) {
    const excluded = new Set();
    for (const file of files) {
        matched.delete(file);
        const id = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceFileIdentity */ .AY)(workspace, file);
        if (id !== undefined)
            excluded.add(id);
    }
    if (excluded.size === 0)
        return;
    for (const [file, known] of matched) {
        const id = known ?? (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceFileIdentity */ .AY)(workspace, file);
        matched.set(file, id);
        if (id !== undefined && excluded.has(id))
            matched.delete(file);
    }
}
/** Reads the files, each once (two names of one file, such as `report.xml` and `REPORT.xml` on NTFS, count once). */
function readAttachments(files, workspace, maxBytes) {
    const attachments = [];
    const seen = new Set();
    let total = 0;
    const tooLarge = () => new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('attachments', `the files total more than 'max-attachment-size' (${formatBytes(maxBytes)}). Exchange Online takes 35 MB per message after encoding, which adds about a third.`);
    for (const file of files) {
        if (total > maxBytes)
            throw tooLarge();
        // Known before reading, so that the second name is not measured against what is left.
        const id = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceFileIdentity */ .AY)(workspace, file);
        if (id !== undefined && seen.has(id))
            continue;
        const read = (0,_workspace_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readWorkspaceFile */ .sL)(workspace, file, 'attachments', {
            maxBytes: maxBytes - total,
            label: 'file',
            tooLarge
        });
        if (read.identity !== undefined) {
            if (seen.has(read.identity))
                continue;
            seen.add(read.identity);
        }
        total += read.content.length;
        attachments.push({
            path: read.path,
            filename: node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file),
            size: read.content.length,
            content: read.content
        });
    }
    return attachments;
}


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSender),
/* harmony export */   KX: () => (/* binding */ formatMailbox),
/* harmony export */   ug: () => (/* binding */ parseAddresses)
/* harmony export */ });
/* harmony import */ var nodemailer_lib_addressparser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2844);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9354);
/* harmony import */ var _read_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8215);



/** "Name <address>" or "address". */
function formatMailbox(m) {
    return m.name ? `${m.name} <${m.address}>` : m.address;
}
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
/** Parses a comma- or newline-separated address list ("Name <a@b>", "a@b"). */
function parseAddresses(value, input) {
    const result = [];
    for (const line of value.split(/\r?\n/)) {
        if (!line.trim())
            continue;
        for (const entry of (0,nodemailer_lib_addressparser__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(line, { flatten: true })) {
            const address = (entry.address ?? '').trim();
            const name = (entry.name ?? '').replace(/[\r\n]+/g, ' ').trim();
            if (!address) {
                throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `'${name || line.trim()}' is not an e-mail address.`);
            }
            if (!ADDRESS.test(address))
                throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `'${address}' is not a valid e-mail address.`);
            result.push({ name, address });
        }
    }
    return result;
}
function singleMailbox(value, input) {
    const list = parseAddresses(value, input);
    if (list.length !== 1)
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, 'must be exactly one address.');
    return list[0];
}
/**
 * The From mailbox and the mailbox that sends: the one SMTP authenticates as, the one Graph posts
 * for (`/users/{mailbox}/sendMail`). The From address unless `smtp-user` (or its transport-neutral
 * alias `mailbox`) says otherwise.
 */
function parseSender(get) {
    const from = singleMailbox((0,_read_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .required */ .mw)(get('from'), 'from'), 'from');
    const smtpUserInput = get('smtp-user');
    const mailboxInput = get('mailbox');
    const smtpUser = smtpUserInput ? singleMailbox(smtpUserInput, 'smtp-user').address : undefined;
    const mailbox = mailboxInput ? singleMailbox(mailboxInput, 'mailbox').address : undefined;
    if (smtpUser && mailbox && smtpUser.toLowerCase() !== mailbox.toLowerCase()) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('mailbox', `is another name for 'smtp-user': give one of them, not two different mailboxes.`);
    }
    return { from, smtpUser: smtpUser ?? mailbox ?? from.address };
}


/***/ }),

/***/ 4342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AY: () => (/* binding */ workspaceFileIdentity),
/* harmony export */   sL: () => (/* binding */ readWorkspaceFile),
/* harmony export */   z1: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _input_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9354);



/** The workspace's own real path (it may itself be reached through a symlink). */
function realWorkspace(workspace, p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    }
    catch {
        return p.resolve(workspace);
    }
}
/** True when `candidate` is `root` or lies below it, by name alone. */
function isBelow(root, candidate, p) {
    const relative = p.relative(root, candidate);
    // `..env.md` and `...` are names inside the root; only `..` itself or `../…` leaves it. On
    // Windows another drive gives an absolute "relative" path.
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${p.sep}`) && !p.isAbsolute(relative));
}
/**
 * True when `candidate` lies in the workspace: below it by name, or (on a case-insensitive file
 * system, where `/Users/x/REPO` names `/Users/x/repo`) below a directory that is the workspace
 * itself. Windows' path functions already ignore case; macOS's APFS needs the second test.
 */
function isInside(root, candidate, p) {
    if (isBelow(root, candidate, p))
        return true;
    const workspaceId = identityOf(root);
    // Without file IDs (some network shares report 0) every directory would look the same: no second test.
    if (workspaceId === undefined)
        return false;
    for (let dir = p.dirname(candidate);; dir = p.dirname(dir)) {
        if (identityOf(dir) === workspaceId)
            return true;
        if (p.dirname(dir) === dir)
            return false;
    }
}
/** Where `name` points, lexically, from the workspace; refuses a path that leaves it. */
function resolveInWorkspace(workspace, name, input, label, p = (node_path__WEBPACK_IMPORTED_MODULE_1___default())) {
    const absolute = p.resolve(workspace, name);
    if (!isInside(p.resolve(workspace), absolute, p) && !isInside(realWorkspace(workspace, p), absolute, p)) {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${label} '${name}' is outside the workspace (${workspace}); ${OUTSIDE_ADVICE}`);
    }
    return absolute;
}
const OUTSIDE_ADVICE = 'only files inside GITHUB_WORKSPACE are read. Copy a generated file into the workspace first (RUNNER_TEMP and the home directory are outside on purpose).';
// Opening a FIFO for reading would wait for a writer; a device could be a terminal.
const OPEN_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY ?? 0);
/**
 * Which file an open descriptor is: device and file ID as exact integers. NTFS and ReFS file IDs
 * go beyond 2^53, where JavaScript numbers lose bits and two files could compare equal. Always
 * from a descriptor: on newer Windows builds a stat by path comes from another API than a stat
 * of a handle, and the two need not agree.
 */
function identityOfDescriptor(fd) {
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd, { bigint: true });
    return { id: stats.ino === 0n ? undefined : `${stats.dev}:${stats.ino}`, stats };
}
/** The identity of the file or directory at `name` (opened, never read), or undefined. */
function identityOf(name) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(name, OPEN_FLAGS);
    }
    catch {
        return undefined;
    }
    try {
        return identityOfDescriptor(fd).id;
    }
    catch {
        return undefined;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The identity of `file` (a name the glob gave) when it is a regular file whose real path is
 * inside the workspace, else undefined. Attachments compare files by identity, not by name: on
 * NTFS and APFS `Reports/B.XML` and `reports/b.xml` are one file.
 */
function workspaceFileIdentity(workspace, file) {
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
        if (!isInside(realWorkspace(workspace, (node_path__WEBPACK_IMPORTED_MODULE_1___default())), real, (node_path__WEBPACK_IMPORTED_MODULE_1___default())))
            return undefined;
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, OPEN_FLAGS);
        try {
            const { id, stats } = identityOfDescriptor(fd);
            return stats.isFile() ? id : undefined;
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    catch {
        return undefined;
    }
}
/**
 * Reads `name` (relative to the workspace, or absolute inside it): a regular file whose real
 * path is inside the workspace, at most `maxBytes` bytes (more is an input error that says so).
 */
function readWorkspaceFile(workspace, name, input, limits) {
    const { maxBytes, label } = limits;
    const root = realWorkspace(workspace, (node_path__WEBPACK_IMPORTED_MODULE_1___default()));
    const absolute = resolveInWorkspace(workspace, name, input, label);
    const refuse = (why) => {
        throw new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${label} '${name}' ${why}`);
    };
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(absolute);
    }
    catch (err) {
        const code = err.code;
        return refuse(code === 'ENOENT' ? `does not exist (looked in ${absolute}).` : `cannot be read (${code ?? describe(err)}).`);
    }
    if (!isInside(root, real, (node_path__WEBPACK_IMPORTED_MODULE_1___default())))
        return refuse(`leads outside the workspace (to ${real}) through a symlink; ${OUTSIDE_ADVICE}`);
    limits.interleave?.('before open');
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, OPEN_FLAGS);
    }
    catch (err) {
        return refuse(`cannot be opened (${err.code ?? describe(err)}).`);
    }
    try {
        limits.interleave?.('after open');
        const opened = identityOfDescriptor(fd);
        if (!opened.stats.isFile()) {
            return refuse(`is not a regular file (${kindOf(opened.stats)}); only regular files are read.`);
        }
        // What is open must still be what the real path names: a link swapped after realpath fails
        // here. Both identities come from open descriptors (see identityOfDescriptor).
        let again;
        try {
            again = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(absolute);
        }
        catch {
            return refuse('changed while it was being read.');
        }
        if (!isInside(root, again, (node_path__WEBPACK_IMPORTED_MODULE_1___default())) || (opened.id !== undefined && identityOf(again) !== opened.id)) {
            return refuse('changed while it was being read (a symlink was swapped); refused.');
        }
        const content = readBounded(fd, maxBytes);
        if (content === undefined) {
            throw limits.tooLarge?.() ?? new _input_error_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(input, `${label} '${name}' is larger than ${maxBytes} bytes.`);
        }
        // Reached through another spelling of the workspace (APFS's case), the name as written says more.
        const relative = isBelow(root, real, (node_path__WEBPACK_IMPORTED_MODULE_1___default())) ? node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, real) : name;
        return { path: real, relative, content, identity: opened.id };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Reads the whole file, or gives undefined as soon as it holds more than `maxBytes`. */
function readBounded(fd, maxBytes) {
    const chunks = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes - total + 1));
        const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, 0, chunk.length, null);
        if (read === 0)
            return Buffer.concat(chunks, total);
        total += read;
        if (total > maxBytes)
            return undefined;
        chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    return 'not a file';
}
function describe(err) {
    return err instanceof Error ? err.message : 'unknown error';
}


/***/ }),

/***/ 611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/inputs/attachments.ts
var attachments = __webpack_require__(8339);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/inputs/input-error.ts
var input_error = __webpack_require__(9354);
;// CONCATENATED MODULE: ./src/inputs/credential.ts


/** Inputs whose values are secrets and are masked before anything else happens. */
const SECRET_INPUTS = [
    'client-secret',
    'client-certificate',
    'client-certificate-password',
    'github-token'
];
/** Every piece of the secret inputs to mask, whether or not the inputs turn out valid. */
function inputSecrets(raw) {
    return SECRET_INPUTS.flatMap((name) => secretFragments(raw[name] ?? ''));
}
/**
 * The pieces of a secret to mask: the whole value and, for multi-line values such as
 * PEM keys, every line on its own (the runner masks per line when it prints).
 */
function secretFragments(value) {
    const trimmed = value.trim();
    if (!trimmed)
        return [];
    const parts = new Set([trimmed]);
    for (const line of trimmed.split(/\r?\n/)) {
        const text = line.trim();
        if (text && !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(text))
            parts.add(text);
    }
    return [...parts];
}
/** The one credential the inputs give: a client secret, a certificate, or else GitHub's OIDC token. */
function parseCredential(raw, defaultAudience, derivedSecrets) {
    const secret = (raw['client-secret'] ?? '').trim();
    const certificate = (raw['client-certificate'] ?? '').trim();
    const password = raw['client-certificate-password'] ?? '';
    const audience = (raw['oidc-audience'] ?? '').trim() || defaultAudience;
    if (secret && certificate) {
        throw new input_error/* InputError */.d('client-certificate', "give one credential only: 'client-secret' and 'client-certificate' are both set.");
    }
    if (secret)
        return { kind: 'secret', secret };
    if (certificate)
        return parseCertificate(certificate, password, derivedSecrets);
    if (password) {
        throw new input_error/* InputError */.d('client-certificate-password', "is set but 'client-certificate' is empty.");
    }
    return { kind: 'oidc', audience };
}
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
/** Reads a PEM bundle holding one private key and its certificate (chain allowed). */
function parseCertificate(pem, password, derivedSecrets) {
    const input = 'client-certificate';
    const blocks = [...pem.replace(/\r\n/g, '\n').matchAll(PEM_BLOCK)].map((m) => ({
        label: m[1],
        text: m[0]
    }));
    if (blocks.length === 0) {
        throw new input_error/* InputError */.d(input, 'is not PEM: expected a private key (-----BEGIN PRIVATE KEY-----) followed by its certificate (-----BEGIN CERTIFICATE-----).');
    }
    const keys = blocks.filter((b) => b.label.endsWith('PRIVATE KEY'));
    const certs = blocks.filter((b) => b.label === 'CERTIFICATE');
    if (keys.length === 0) {
        throw new input_error/* InputError */.d(input, 'holds no private key: put the PEM private key and the certificate in the same secret (e.g. cat key.pem cert.pem).');
    }
    if (keys.length > 1)
        throw new input_error/* InputError */.d(input, 'holds more than one private key.');
    if (certs.length === 0) {
        throw new input_error/* InputError */.d(input, 'holds no certificate: append the certificate PEM after the private key.');
    }
    const keyBlock = keys[0];
    const encrypted = keyBlock.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.text);
    if (encrypted && !password) {
        throw new input_error/* InputError */.d(input, "the private key is encrypted: give its password in 'client-certificate-password'.");
    }
    let privateKeyPem;
    try {
        const key = (0,external_node_crypto_.createPrivateKey)(encrypted ? { key: keyBlock.text, passphrase: password } : { key: keyBlock.text });
        privateKeyPem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
        derivedSecrets.push(privateKeyPem);
        const parsed = certs.map((c) => ({ pem: c.text, x509: new external_node_crypto_.X509Certificate(c.text) }));
        const leafIndex = parsed.findIndex((c) => c.x509.checkPrivateKey(key));
        if (leafIndex < 0) {
            throw new input_error/* InputError */.d(input, 'none of its certificates matches the private key.');
        }
        const leaf = parsed[leafIndex];
        const chain = [leaf, ...parsed.filter((_, i) => i !== leafIndex)];
        return {
            kind: 'certificate',
            privateKeyPem,
            thumbprintSha256: leaf.x509.fingerprint256.replace(/:/g, '').toLowerCase(),
            chainPem: chain.map((c) => c.pem).join('\n'),
            subject: leaf.x509.subject.replace(/\n/g, ', '),
            notAfter: new Date(leaf.x509.validTo).toISOString().replace(/\.\d{3}Z$/, 'Z')
        };
    }
    catch (err) {
        if (err instanceof input_error/* InputError */.d)
            throw err;
        const reason = encrypted
            ? "the private key could not be decrypted: check 'client-certificate-password'."
            : `the key or certificate could not be read (${err.message}).`;
        throw new input_error/* InputError */.d(encrypted ? 'client-certificate-password' : input, reason);
    }
}

// EXTERNAL MODULE: ./src/inputs/mailboxes.ts
var mailboxes = __webpack_require__(7485);
// EXTERNAL MODULE: ./src/inputs/clouds.ts
var clouds = __webpack_require__(9295);
// EXTERNAL MODULE: ./src/inputs/read-inputs.ts
var read_inputs = __webpack_require__(8215);
;// CONCATENATED MODULE: ./src/inputs/connection.ts




/** The accepted values of `transport`. */
const TRANSPORTS = ['smtp', 'graph'];
/**
 * The tenant, the app and its credential, and the endpoints: the chosen cloud's presets, each
 * overridable by its own input. A proxy password goes to `derivedSecrets`, to be masked.
 */
function parseConnection(raw, derivedSecrets) {
    const get = (0,read_inputs/* inputReader */.cN)(raw);
    const transport = parseTransport(get('transport'));
    const { tenantId, clientId } = parseApp(get);
    const cloud = get('cloud') || 'public';
    if (!(0,clouds/* isCloudName */.fJ)(cloud)) {
        throw new input_error/* InputError */.d('cloud', `unknown cloud '${cloud}'; use one of ${clouds/* CLOUD_NAMES */.vD.join(', ')}.`);
    }
    const preset = clouds/* CLOUDS */.JJ[cloud];
    const authorityHost = parseOrigin(get('authority-host') || preset.authorityHost, 'authority-host', preset.authorityHost);
    const graphHost = parseOrigin(get('graph-host') || preset.graphHost, 'graph-host', preset.graphHost);
    // The token is for the resource the transport talks to: Exchange Online, or Microsoft Graph.
    const scope = get('token-scope') || (transport === 'graph' ? preset.graphScope : preset.scope);
    if (/\s/.test(scope))
        throw new input_error/* InputError */.d('token-scope', 'must be a single scope without spaces.');
    const credential = parseCredential(raw, preset.oidcAudience, derivedSecrets);
    const smtpHost = get('smtp-host') || preset.smtpHost;
    if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(smtpHost)) {
        throw new input_error/* InputError */.d('smtp-host', `'${smtpHost}' is not a host name.`);
    }
    const smtpPort = (0,read_inputs/* parseInteger */.cG)(get('smtp-port') || '587', 'smtp-port', 1, 65535);
    const smtpProxy = parseProxy(get('smtp-proxy'), derivedSecrets);
    return {
        tenantId,
        clientId,
        credential,
        cloud,
        authorityHost,
        scope,
        smtpHost,
        smtpPort,
        implicitTls: smtpPort === 465,
        ...(smtpProxy ? { smtpProxy } : {}),
        transport,
        graphHost
    };
}
/** `smtp` (the default) or `graph`; anything else is refused before any network use. */
function parseTransport(value) {
    const transport = (value || 'smtp').toLowerCase();
    if (TRANSPORTS.includes(transport))
        return transport;
    throw new input_error/* InputError */.d('transport', `unknown transport '${value}'; use ${TRANSPORTS.join(' or ')}.`);
}
function parseApp(get) {
    const tenantId = (0,read_inputs/* required */.mw)(get('tenant-id'), 'tenant-id');
    if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(tenantId)) {
        throw new input_error/* InputError */.d('tenant-id', `'${tenantId}' is neither a directory (tenant) ID nor a domain name. Copy the Directory (tenant) ID from the app registration's Overview page in the Entra admin center.`);
    }
    const clientId = (0,read_inputs/* required */.mw)(get('client-id'), 'client-id');
    if (!/^[A-Za-z0-9-]+$/.test(clientId)) {
        throw new input_error/* InputError */.d('client-id', `'${clientId}' is not an application (client) ID. Copy it from the app registration's Overview page.`);
    }
    return { tenantId, clientId };
}
/** An https origin (scheme, host, port), as `authority-host` and `graph-host` take it. */
function parseOrigin(value, input, example) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new input_error/* InputError */.d(input, `'${value}' is not a URL; use e.g. ${example}.`);
    }
    if (url.protocol !== 'https:')
        throw new input_error/* InputError */.d(input, `must use https, got '${value}'.`);
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
        const what = input === 'authority-host' ? 'a tenant or path' : 'a path such as /v1.0';
        throw new input_error/* InputError */.d(input, `give only the scheme and host (e.g. ${example}), without ${what}: '${value}'.`);
    }
    return url.origin;
}
function parseProxy(value, derivedSecrets) {
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new input_error/* InputError */.d('smtp-proxy', 'is not a URL; use http://proxy.example.com:3128.');
    }
    if (url.password)
        derivedSecrets.push(decodeURIComponent(url.password));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new input_error/* InputError */.d('smtp-proxy', `must be an http:// or https:// CONNECT proxy, got '${url.protocol}'.`);
    }
    return url.href;
}

;// CONCATENATED MODULE: ./src/inputs/message-options.ts

/** The `priority` input: high, normal (the default) or low, in any case. */
function parsePriority(value) {
    const priority = (value || 'normal').toLowerCase();
    if (priority !== 'high' && priority !== 'normal' && priority !== 'low') {
        throw new input_error/* InputError */.d('priority', `'${priority}' is not a priority; use high, normal or low.`);
    }
    return priority;
}
/** The `in-reply-to` input as a Message-ID in angle brackets, or undefined when not given. */
function parseInReplyTo(value) {
    if (!value)
        return undefined;
    if (!/^<?[^<>\s@]+@[^<>\s@]+>?$/.test(value)) {
        throw new input_error/* InputError */.d('in-reply-to', `'${value}' is not a Message-ID (<id@host>).`);
    }
    return value.startsWith('<') ? value : `<${value}>`;
}
function parseDocument(value, input, parseYaml) {
    if (!parseYaml)
        throw new Error(`No YAML parser was given to read '${input}'.`);
    try {
        return parseYaml(value);
    }
    catch (err) {
        throw new input_error/* InputError */.d(input, `is not valid YAML or JSON: ${err.message.split('\n')[0]}`);
    }
}
/** The `vars` input: a YAML or JSON mapping. */
function parseVars(value, parseYaml) {
    if (!value.trim())
        return {};
    const doc = parseDocument(value, 'vars', parseYaml);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new input_error/* InputError */.d('vars', 'must be a mapping of names to values (YAML or JSON object).');
    }
    return doc;
}
/** Headers the action sets itself or that change how the message is read or routed. */
const RESERVED_HEADERS = new Set([
    'from',
    'to',
    'cc',
    'bcc',
    'reply-to',
    'sender',
    'subject',
    'date',
    'message-id',
    'in-reply-to',
    'references',
    'mime-version',
    'content-type',
    'content-transfer-encoding',
    'content-disposition',
    'return-path',
    'received',
    'dkim-signature',
    'x-priority',
    'importance',
    'priority',
    'thread-topic',
    'thread-index'
]);
/** The `headers` input: a YAML or JSON map of extra header names to single-line values. */
function parseHeaders(value, parseYaml) {
    if (!value.trim())
        return {};
    const doc = parseDocument(value, 'headers', parseYaml);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new input_error/* InputError */.d('headers', 'must be a map of header names to values, e.g. {"X-Build": "42"}.');
    }
    const headers = {};
    for (const [name, raw] of Object.entries(doc)) {
        if (!/^[!-9;-~]+$/.test(name))
            throw new input_error/* InputError */.d('headers', `'${name}' is not a valid header name.`);
        if (RESERVED_HEADERS.has(name.toLowerCase())) {
            throw new input_error/* InputError */.d('headers', `'${name}' is set by the action; use the matching input instead.`);
        }
        if (raw !== null && typeof raw === 'object')
            throw new input_error/* InputError */.d('headers', `the value of '${name}' must be text.`);
        // not an object (refused above): a string, number or boolean as YAML wrote it
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        const text = String(raw ?? '')
            // eslint-disable-next-line no-control-regex
            .replace(/[\u0000-\u001f\u007f]+/g, ' ')
            .trim();
        headers[name] = text;
    }
    return headers;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/inputs/workspace-files.ts
var workspace_files = __webpack_require__(4342);
;// CONCATENATED MODULE: ./src/inputs/template-sources.ts



/** The largest template file read (`file://`): far above any real message, well below a runaway read. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
/** A template input: its text, or with `file://` the text of that workspace file. */
function readTemplate(raw, input, workspace) {
    const value = raw[input] ?? '';
    if (!value.trim())
        return undefined;
    const trimmed = value.trim();
    if (!trimmed.startsWith('file://'))
        return { input, text: value };
    const name = fileUrlPath(trimmed.slice('file://'.length));
    if (!name)
        throw new input_error/* InputError */.d(input, 'file:// needs a path relative to the workspace.');
    const file = (0,workspace_files/* readWorkspaceFile */.sL)(workspace, name, input, {
        maxBytes: MAX_TEMPLATE_BYTES,
        label: 'template file'
    });
    return { input, text: decodeText(file.content, name, input), file: file.relative };
}
/**
 * The path of a `file://` input. On Windows `file:///D:/a/repo/repo/body.md` (the URL form) and
 * `file:///${{ github.workspace }}/body.md` (which the runner fills in as `file:///D:\a\…`) both
 * put a `/` before the drive letter, which would make the path relative to the current drive's
 * root: it goes. Elsewhere `/D:/…` is a path like any other.
 */
function fileUrlPath(rest, p = (external_node_path_default())) {
    return p.sep === '\\' && /^\/+[A-Za-z]:[\\/]/.test(rest) ? rest.replace(/^\/+/, '') : rest;
}
/**
 * The text of a template file: UTF-8 (a BOM is dropped), or UTF-16 with its byte order mark
 * (what Windows PowerShell 5.1's `>` and `Out-File` write), never with characters silently
 * replaced.
 */
function decodeText(bytes, name, input) {
    const utf16 = utf16Encoding(bytes);
    if (utf16 === 'utf-16le' || utf16 === 'utf-16be') {
        try {
            return new TextDecoder(utf16, { fatal: true }).decode(bytes);
        }
        catch {
            throw new input_error/* InputError */.d(input, `template file '${name}' starts as UTF-16 text but is not valid UTF-16. ${SAVE_AS_UTF8}`);
        }
    }
    if (utf16 === 'without BOM') {
        throw new input_error/* InputError */.d(input, `template file '${name}' looks like UTF-16 text without a byte order mark. ${SAVE_AS_UTF8}`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new input_error/* InputError */.d(input, `template file '${name}' is not UTF-8 text: ${where(bytes, firstInvalidUtf8(bytes))} is not valid UTF-8 (saved as Windows-1252 or Latin-1?). Save it as UTF-8.`);
    }
}
const SAVE_AS_UTF8 = "Save it as UTF-8 (in PowerShell: Set-Content -Encoding utf8, or Out-File -Encoding utf8; PowerShell 5.1's '>' writes UTF-16).";
/**
 * UTF-16 by its byte order mark, or 'without BOM' when NUL bytes at every other place of the
 * first 200 bytes say so (ASCII text in UTF-16). UTF-8 text has no NUL byte.
 */
function utf16Encoding(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return 'utf-16be';
    const head = bytes.subarray(0, Math.min(bytes.length, 200) & ~1);
    if (head.length < 2)
        return undefined;
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < head.length; i += 2) {
        if (head[i] === 0)
            evenNul++;
        if (head[i + 1] === 0)
            oddNul++;
    }
    const pairs = head.length / 2;
    return evenNul >= pairs * 0.5 || oddNul >= pairs * 0.5 ? 'without BOM' : undefined;
}
/** "byte 0xE9 at line 3, column 7" (column in bytes). */
function where(bytes, offset) {
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
    const value = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return `byte 0x${value} at line ${line}, column ${column}`;
}
/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        let length;
        let low = 0x80;
        let high = 0xbf;
        if (lead < 0x80)
            length = 1;
        else if (lead >= 0xc2 && lead <= 0xdf)
            length = 2;
        else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead === 0xe0)
                low = 0xa0;
            if (lead === 0xed)
                high = 0x9f;
        }
        else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead === 0xf0)
                low = 0x90;
            if (lead === 0xf4)
                high = 0x8f;
        }
        else
            return i;
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k];
            const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
            if (next === undefined || next < min || next > max)
                return i;
        }
        i += length;
    }
    return -1;
}

// EXTERNAL MODULE: ./src/shared/optional.ts + 1 modules
var optional = __webpack_require__(1181);
;// CONCATENATED MODULE: ./src/inputs/settings.ts









/**
 * Reads every input once and validates it. Nothing is printed here and @actions/core is not
 * needed: the caller masks `secrets` (every secret input, line by line, and every secret
 * derived while parsing) before it prints anything, whether or not the inputs were valid.
 */
async function readSettings(env = process.env) {
    const raw = (0,read_inputs/* readRawInputs */.yI)(env);
    const secrets = inputSecrets(raw);
    try {
        // The YAML parser loads only for the inputs written in YAML.
        const parseYaml = raw.vars || raw.headers ? (await optional/* optional */.l.yaml()).parse : undefined;
        const workspace = env.GITHUB_WORKSPACE || process.cwd();
        const { settings, derivedSecrets } = parseSettings(raw, { workspace, ...(parseYaml ? { parseYaml } : {}) });
        return { settings, secrets: [...secrets, ...derivedSecrets.flatMap(secretFragments)] };
    }
    catch (error) {
        return { error, secrets };
    }
}
/**
 * Validates raw inputs into settings. Pure apart from reading file:// templates. The inputs are
 * checked in a fixed order, so that of several mistakes the same one is always reported.
 */
function parseSettings(raw, options) {
    const get = (0,read_inputs/* inputReader */.cN)(raw);
    const derivedSecrets = [];
    const connection = parseConnection(raw, derivedSecrets);
    const { from, smtpUser } = (0,mailboxes/* parseSender */.DB)(get);
    const to = (0,mailboxes/* parseAddresses */.ug)(get('to'), 'to');
    const cc = (0,mailboxes/* parseAddresses */.ug)(get('cc'), 'cc');
    const bcc = (0,mailboxes/* parseAddresses */.ug)(get('bcc'), 'bcc');
    const { checkSetup, dryRun } = parseMode(get);
    // A set-up check sends nothing, so it needs nobody to send to.
    if (!checkSetup && to.length + cc.length + bcc.length === 0) {
        throw new input_error/* InputError */.d('to', "no recipient: give at least one address in 'to', 'cc' or 'bcc'.");
    }
    const replyTo = (0,mailboxes/* parseAddresses */.ug)(get('reply-to'), 'reply-to');
    const timeoutSeconds = (0,read_inputs/* parseInteger */.cG)(get('timeout-seconds') || '120', 'timeout-seconds', 5, 3600);
    const priority = parsePriority(get('priority'));
    const inReplyTo = parseInReplyTo(get('in-reply-to'));
    const settings = {
        ...connection,
        from,
        smtpUser,
        to,
        cc,
        bcc,
        replyTo,
        subject: readTemplate(raw, 'subject', options.workspace),
        body: readTemplate(raw, 'body', options.workspace),
        htmlBody: readTemplate(raw, 'html-body', options.workspace),
        markdown: (0,read_inputs/* parseBoolean */.yG)(get('markdown'), 'markdown', false),
        vars: parseVars(raw.vars ?? '', options.parseYaml),
        attachments: (0,read_inputs/* splitList */.ry)(raw.attachments ?? ''),
        ifNoFilesFound: (0,attachments/* parseIfNoFilesFound */.pU)(get('if-no-files-found')),
        maxAttachmentBytes: (0,read_inputs/* parseSize */.DB)(get('max-attachment-size') || '25MB', 'max-attachment-size'),
        priority,
        ...(inReplyTo ? { inReplyTo } : {}),
        headers: parseHeaders(raw.headers ?? '', options.parseYaml),
        ...(get('thread-key') ? { threadKey: { input: 'thread-key', text: get('thread-key') } } : {}),
        jobStatus: get('job-status').toLowerCase(),
        githubToken: get('github-token'),
        dryRun,
        checkSetup,
        failOnRejected: (0,read_inputs/* parseBoolean */.yG)(get('fail-on-rejected'), 'fail-on-rejected', true),
        maxAttempts: (0,read_inputs/* parseInteger */.cG)(get('max-attempts') || '3', 'max-attempts', 1, 10),
        timeoutMs: timeoutSeconds * 1000,
        debug: (0,read_inputs/* parseBoolean */.yG)(get('debug'), 'debug', false)
    };
    return { settings, derivedSecrets };
}
/** What the run does instead of sending, if anything: a set-up check or a dry run, never both. */
function parseMode(get) {
    const checkSetup = (0,read_inputs/* parseBoolean */.yG)(get('check-setup'), 'check-setup', false);
    const dryRun = (0,read_inputs/* parseBoolean */.yG)(get('dry-run'), 'dry-run', false);
    if (checkSetup && dryRun) {
        throw new input_error/* InputError */.d('check-setup', "connects and authenticates, 'dry-run' makes no request: set only one of them.");
    }
    return { checkSetup, dryRun };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./node_modules/nodemailer/dist/esm/smtp-connection/index.js + 2 modules
var smtp_connection = __webpack_require__(6611);
// EXTERNAL MODULE: ./src/smtp/smtp-errors.ts
var smtp_errors = __webpack_require__(6396);
// EXTERNAL MODULE: ./src/smtp/dial.ts + 1 modules
var dial = __webpack_require__(7313);
// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
;// CONCATENATED MODULE: ./src/smtp/transcript.ts

/** The most of one line of the SMTP conversation that is logged (a server may send a megabyte). */
const TRANSCRIPT_LINE_CHARS = 500;
/**
 * A nodemailer logger that writes the SMTP conversation to the debug log, never the message, and
 * each reply bounded: the failure quotes a failing reply in full enough to act on.
 */
function transcriptLogger(log) {
    const write = (level) => (...args) => {
        const [first, ...rest] = args;
        const entry = first && typeof first === 'object' ? first : undefined;
        if (entry?.tnx === 'message')
            return;
        const [format, ...values] = entry ? rest : args;
        let text = typeof format === 'string' ? format : '';
        for (const value of values)
            text = text.replace(/%[sd]/, String(value));
        log.debug(`smtp ${level}: ${(0,bounded_text/* excerpt */.K)(text, TRANSCRIPT_LINE_CHARS)}`);
    };
    return {
        level: () => undefined,
        trace: write('trace'),
        debug: write('debug'),
        info: write('info'),
        warn: write('warn'),
        error: write('error'),
        fatal: write('fatal')
    };
}

// EXTERNAL MODULE: ./src/smtp/sasl.ts
var sasl = __webpack_require__(1493);
;// CONCATENATED MODULE: ./src/smtp/session.ts






/**
 * One SMTP session with nodemailer's SMTPConnection, driven step by step so that the slow
 * parts overlap: `open` connects, reads the greeting, says EHLO and upgrades with STARTTLS
 * while the caller is still acquiring the token and rendering the message.
 */
class SmtpSession {
    settings;
    timeouts;
    log;
    /** Resolves once the session is encrypted and ready to authenticate. */
    ready;
    /**
     * Resolves once the TCP connection attempt has left the process (the host name is resolved)
     * or has failed; with `smtp-proxy`, at once. Work that keeps the CPU busy for a while, such as
     * loading modules, waits for it: until then it would hold back the connect itself.
     */
    dialing;
    /** The TCP connection; nodemailer takes the socket over once it is made. */
    tcp;
    connection;
    closed = false;
    /** Known once AUTH has started. */
    limits;
    constructor(settings, timeouts, log, under) {
        this.settings = settings;
        this.timeouts = timeouts;
        this.log = log;
        this.tcp = under ?? (0,dial/* dial */.z)(settings, timeouts.connection);
        this.dialing = this.tcp.dialing;
        this.ready = this.connect();
        this.ready.catch(() => undefined); // awaited by login(); never an unhandled rejection
    }
    /**
     * Starts connecting now, or takes over a connection already under way (`under`, dialled to the
     * same host, port and proxy); await `ready` (or call login) later.
     */
    static open(settings, timeouts, log, under) {
        return new SmtpSession(settings, timeouts, log, under);
    }
    async connect() {
        const s = this.settings;
        const socket = await this.tcp.connected;
        if (this.closed) {
            socket.destroy();
            throw (0,dial/* closedWhileConnecting */.w)();
        }
        // Dialled before the inputs were read: the server (or a reset) may have closed it meanwhile.
        if (socket.destroyed || !socket.readable) {
            throw (0,smtp_errors/* smtpError */.lw)('The server closed the connection before the greeting', { code: 'ECONNECTION', command: 'CONN' });
        }
        const connection = new smtp_connection/* default */.A({
            host: s.smtpHost,
            port: s.smtpPort,
            secure: s.implicitTls,
            // STARTTLS is mandatory on 587: never authenticate or send in the clear.
            requireTLS: !s.implicitTls,
            // SNI takes host names only; the certificate is verified against the host either way.
            tls: (0,external_node_net_.isIP)(s.smtpHost) ? { minVersion: 'TLSv1.2' } : { minVersion: 'TLSv1.2', servername: s.smtpHost },
            connectionTimeout: this.timeouts.connection,
            greetingTimeout: this.timeouts.greeting,
            socketTimeout: this.timeouts.socket,
            logger: transcriptLogger(this.log),
            debug: true,
            // connected already (implicit TLS is started on it by nodemailer)
            connection: socket
        });
        this.connection = connection;
        // Errors while no step is waiting would otherwise crash the process; steps see them too. The
        // server's reply is in the transcript and in the failure: not a third time here.
        connection.on('error', (err) => this.log.debug(`smtp error: ${err.code ?? 'error'}${err.command ? ` at ${err.command}` : ''}`));
        await this.step((done) => connection.connect(() => done(null)));
        if (!connection.secure) {
            throw (0,smtp_errors/* smtpError */.lw)('The connection is not encrypted after STARTTLS; refusing to authenticate.', {
                code: 'ETLS',
                command: 'STARTTLS'
            });
        }
    }
    /** Runs one SMTPConnection step; a connection error or close while it waits fails it. */
    step(run) {
        const connection = this.connection;
        if (!connection)
            return Promise.reject(new Error('SMTP session is not connected'));
        return new Promise((resolve, reject) => {
            const cleanup = () => {
                connection.removeListener('error', onError);
                connection.removeListener('end', onEnd);
            };
            const onError = (err) => {
                cleanup();
                reject(err);
            };
            const onEnd = () => {
                // A reply that came with the close (e.g. 421) reaches the step's callback right after
                // this event; give it the chance to report the server's words first.
                setTimeout(() => {
                    cleanup();
                    reject((0,smtp_errors/* smtpError */.lw)('The server closed the connection', { code: 'ECONNECTION' }));
                }, 20);
            };
            connection.once('error', onError);
            connection.once('end', onEnd);
            run((err, value) => {
                cleanup();
                if (err)
                    reject(err);
                else
                    resolve(value);
            });
        });
    }
    /**
     * Authenticates with XOAUTH2, asking for the token only now. Sends no AUTH at all when the
     * server does not offer XOAUTH2. A refused token is renewed and presented again on this
     * connection only when it could be stale (see mayBeStale): one AUTH per attempt otherwise.
     */
    async login(getToken, attemptStartedAt) {
        await this.ready;
        const connection = this.connection;
        const user = this.settings.smtpUser;
        const offered = (0,sasl/* advertisedMechanisms */.ie)(connection._ehloLines ?? []);
        if (!offered.includes('XOAUTH2'))
            throw new smtp_errors/* NoXoauth2Error */.HB(offered);
        let challenge;
        const xoauth2 = async (ctx) => {
            this.limits = { maxSize: ctx.maxAllowedSize || undefined, extensions: ctx.extensions };
            let token = await getToken(false);
            let outcome = await (0,sasl/* presentToken */.Fk)(ctx, user, token.token);
            if (outcome.reply.status === 535 && (0,sasl/* mayBeStale */.aY)(token, attemptStartedAt, Date.now())) {
                this.log.debug(`The server refused a token acquired ${Math.round((Date.now() - token.acquiredAt) / 1000)} s ago; presenting a renewed one.`);
                token = await getToken(true);
                outcome = await (0,sasl/* presentToken */.Fk)(ctx, user, token.token);
            }
            challenge = outcome.challenge;
            if (outcome.reply.status !== 235)
                throw new Error('Invalid login');
        };
        connection.customAuth.set('XOAUTH2', xoauth2);
        // nodemailer keeps a requested XOAUTH2 only when the login names an `oauth2` provider; without
        // one it takes the server's first mechanism instead, LOGIN for Exchange ("AUTH LOGIN XOAUTH2").
        // The custom handler above does the work: the marker only keeps the method.
        const keepXoauth2 = { oauth2: {} };
        try {
            await this.step((done) => connection.login({ user, method: 'XOAUTH2', type: 'custom', ...keepXoauth2 }, (err) => done(err ?? null)));
        }
        catch (err) {
            // nodemailer sets the final reply as `response`; the challenge before it is ours to add
            throw challenge !== undefined ? Object.assign(err, { challenge }) : err;
        }
    }
    /**
     * Sends the message to some recipients in one transaction (MAIL FROM, RCPT TO…, DATA), declaring
     * its size when the server advertises SIZE. Every recipient refused means no transaction: the
     * session is reset (RSET) and stays usable for the next one. A message above the server's SIZE
     * limit is refused before MAIL FROM.
     */
    async send(message, recipients) {
        const connection = this.connection;
        const size = wireSize(message.raw);
        const limit = this.limits?.maxSize;
        if (limit !== undefined && size > limit)
            throw new smtp_errors/* MessageTooLargeError */.$h(size, limit);
        try {
            const info = await this.step((done) => 
            // a fresh envelope per transaction: nodemailer records errors on the object it is given
            connection.send({ from: message.envelope.from, to: [...recipients], size }, message.raw, (err, result) => done(err ?? null, result)));
            return {
                delivered: true,
                messageId: info.serverMessageId ?? message.messageId,
                accepted: info.accepted.map(String),
                refused: refusals(info.rejected.map(String), info.rejectedErrors ?? []),
                response: info.response
            };
        }
        catch (err) {
            const e = err;
            if (e.code !== 'EENVELOPE' || e.command !== 'RCPT TO' || !Array.isArray(e.rejectedErrors))
                throw err;
            await this.step((done) => connection.reset((resetErr, ok) => done(resetErr ?? null, ok)));
            return {
                delivered: false,
                accepted: [],
                refused: refusals((e.rejected ?? []).map(String), e.rejectedErrors)
            };
        }
    }
    /** Drops the connection at once, without QUIT (the step's deadline has passed). */
    abort() {
        this.closed = true;
        if (this.connection)
            this.connection.close();
        else {
            this.tcp.cancel();
            this.ready.then(() => this.connection?.close(), () => this.connection?.close());
        }
    }
    /** Says QUIT (without waiting) and closes the connection. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        const connection = this.connection;
        if (!connection) {
            // no TCP connection yet: nothing to say QUIT on
            this.tcp.cancel();
            // or still setting up the session: close as soon as it exists
            this.ready.then(() => this.connection?.quit(), () => this.connection?.close());
            return;
        }
        // QUIT, then close our side at once: the QUIT is flushed before the FIN, and the step does
        // not wait a round trip for the server's goodbye (nodemailer's own transport sends no QUIT).
        try {
            connection.quit();
        }
        finally {
            connection.close();
        }
    }
}
/**
 * The message's size as SIZE counts it (RFC 1870): every line ending a CRLF, as nodemailer sends
 * it (the composed message may hold bare LFs), without dot-stuffing. Pure.
 */
function wireSize(raw) {
    let bareLf = 0;
    for (let i = raw.indexOf(0x0a); i !== -1; i = raw.indexOf(0x0a, i + 1))
        if (i === 0 || raw[i - 1] !== 0x0d)
            bareLf++;
    return raw.length + bareLf;
}
/** nodemailer's rejected recipients and their errors, as refusals. */
function refusals(rejected, errors) {
    return rejected.map((address) => {
        const error = errors.find((e) => e.recipient === address);
        const response = error?.response ?? error?.message ?? '';
        return { address, response, code: error?.responseCode ?? (Number(response.slice(0, 3)) || 0) };
    });
}

// EXTERNAL MODULE: ./src/stages.ts
var stages = __webpack_require__(4628);
// EXTERNAL MODULE: ./src/boot/early.ts
var boot_early = __webpack_require__(5579);
;// CONCATENATED MODULE: ./src/boot/step-budget.ts

/** The least time any wait is given, however little of the budget is left. */
const MIN_WAIT_MS = 1000;
/** How long an SMTP connection's limits outlast the deadline, so that the deadline reports first. */
const REPORT_FIRST_MS = 300;
/**
 * The step's time (`timeout-seconds`), counted from the start of the run: every time limit of
 * the run is taken from it, so no wait outlives the step. At the deadline `signal` aborts, with
 * the failure to report as its reason: whatever watches it (a delivery, a set-up check, a retry's
 * sleep) stops, and nothing starts after the step has reported its failure.
 */
class StepBudget {
    totalMs;
    now;
    controller = new AbortController();
    startedAt;
    constructor(
    /** The whole budget, in milliseconds. */
    totalMs, now = Date.now, 
    /** When the step started, in the clock of `now`: by default, now. */
    startedAt) {
        this.totalMs = totalMs;
        this.now = now;
        this.startedAt = startedAt ?? now();
    }
    /** When the budget runs out, in the clock of `now`. */
    get deadline() {
        return this.startedAt + this.totalMs;
    }
    /** Aborted at the deadline set by `enforce`; its reason is the failure reported. */
    get signal() {
        return this.controller.signal;
    }
    /** Milliseconds left, never less than a second (a wait of 0 would fail what could succeed). */
    remainingMs() {
        return Math.max(MIN_WAIT_MS, this.totalMs - (this.now() - this.startedAt));
    }
    /** Whether `waitMs` and then `thenMs` of work still fit in what is left. */
    allows(waitMs, thenMs) {
        return waitMs + thenMs <= this.remainingMs();
    }
    /**
     * The limits of a new SMTP connection: the protocol's usual ones, cut to what is left and a
     * moment more, so that at the deadline the step's own report (which names the stage that kept
     * it, see `enforce`) comes first, not the connection's timeout.
     */
    smtpTimeouts() {
        const left = this.remainingMs() + REPORT_FIRST_MS;
        return {
            connection: Math.min(30_000, left),
            greeting: Math.min(30_000, left),
            socket: Math.min(60_000, left)
        };
    }
    /** The limit of one token request. */
    tokenRequestMs() {
        return Math.min(30_000, this.remainingMs());
    }
    /** Reading the run's jobs may take a quarter of the budget, 5 s at most: it never holds up the mail. */
    runInfoMs() {
        return Math.min(5000, this.totalMs / 4);
    }
    /**
     * `work`, or at the deadline a failure: the one `stalled` names (the stage that kept it), else a
     * timeout of `what`. The signal aborts with it, so the work stops too.
     */
    enforce(work, stalled, what = 'delivery') {
        const ms = this.remainingMs();
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => {
                const failure = stalled() ??
                    (0,smtp_errors/* smtpError */.lw)(`No ${what} within timeout-seconds (${Math.round(ms / 1000)} s left)`, { code: 'ETIMEDOUT' });
                this.controller.abort(failure);
                reject(failure);
            }, ms);
        });
        return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
    }
}

;// CONCATENATED MODULE: ./src/boot/boot.ts






/** timeout-seconds' default (action.yml), for a run whose inputs could not be read. */
const DEFAULT_TIMEOUT_MS = 120_000;
/**
 * Reads and checks every input while the connections opened at start (`early`) are under way,
 * then takes them over, or opens the SMTP connection now if none was (not in a dry run). Every
 * check that needs no network comes first, so a mistake fails before anything is sent anywhere;
 * a connection the run will not use is closed at once (Exchange counts it against the mailbox).
 */
async function boot(early = {}) {
    const booted = await readAndCheck();
    const settings = booted.problem === undefined ? booted.settings : undefined;
    if (!settings || settings.dryRun) {
        (0,boot_early/* closeEarly */.kM)(early);
        return booted;
    }
    const smtp = early.smtp;
    const sameSmtp = settings.transport === 'smtp' &&
        smtp?.host === settings.smtpHost &&
        smtp.port === settings.smtpPort &&
        smtp.proxy === settings.smtpProxy;
    const sameToken = early.token?.origin === settings.authorityHost;
    const sameGraph = settings.transport === 'graph' && early.graph?.origin === settings.graphHost;
    (0,boot_early/* closeEarly */.kM)(early, { smtp: sameSmtp, token: sameToken, graph: sameGraph });
    // Graph goes over HTTPS once the toolkit has loaded (graph/run.ts): no SMTP connection at all.
    const session = settings.transport === 'graph'
        ? undefined
        : SmtpSession.open(settings, booted.budget.smtpTimeouts(), { debug: (line) => booted.transcript.write(line) }, sameSmtp ? smtp.dial : undefined);
    return {
        ...booted,
        ...(session ? { session } : {}),
        ...(sameToken ? { tokenConnection: early.token } : {}),
        ...(sameGraph ? { graphConnection: early.graph } : {})
    };
}
/** Every input read and checked, templates with markup compiled, attachments found. */
async function readAndCheck() {
    const reading = await readSettings();
    // Counted from the start of the process, as the runner counts the step: loading the bundle is part of it.
    const budget = new StepBudget(reading.settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS, Date.now, performance.timeOrigin);
    const transcript = new HeldLines();
    const booted = { secrets: reading.secrets, budget, attachments: [], warnings: [], transcript };
    if (!reading.settings)
        return { ...booted, problem: reading.error };
    const settings = reading.settings;
    try {
        // A template with Liquid markup is compiled now, so that one that does not parse fails before
        // any network use. Text without markup (the built-in messages, or text the workflow filled in
        // with ${{ }} expressions) cannot fail: Liquid then loads once the connection is under way.
        const templates = hasMarkup(settings) ? (await stages/* stages */._.message()).compileMessageTemplates(settings) : undefined;
        if (settings.credential.kind === 'oidc' && !settings.dryRun)
            requireIdTokenPermission();
        const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
        const { attachments: patterns, maxAttachmentBytes, ifNoFilesFound } = settings;
        const found = await (0,attachments/* resolveAttachments */.Bx)(patterns, workspace, maxAttachmentBytes, ifNoFilesFound);
        return { ...booted, settings, ...found, ...(templates ? { templates } : {}) };
    }
    catch (err) {
        return { ...booted, settings, problem: err };
    }
}
function hasMarkup(settings) {
    return [settings.subject, settings.body, settings.htmlBody, settings.threadKey].some((template) => template && /\{[{%]/.test(template.text));
}
/** Without `permissions: id-token: write` the runner gives no OIDC token: say exactly what to add. */
function requireIdTokenPermission() {
    if (process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        return;
    throw new Error([
        "No 'client-secret' or 'client-certificate' was given, so the action signs in with GitHub's OIDC token (workload identity federation), but this job may not request one.",
        'Add to the workflow (or the job):',
        '',
        'permissions:',
        '  id-token: write',
        '  contents: read',
        '  actions: read # the failure mail names the failed jobs and steps',
        '  checks: read # and their error annotations',
        '',
        'A permissions: block sets every permission it does not list to none: keep any others the job needs.',
        "Or pass 'client-secret' or 'client-certificate'."
    ].join('\n'));
}
/** Lines written before there is anywhere to print them: they wait, then go where `attach` says. */
class HeldLines {
    waiting = [];
    sink;
    write(line) {
        if (this.sink)
            this.sink(line);
        else
            this.waiting.push(line);
    }
    attach(sink) {
        this.sink = sink;
        for (const line of this.waiting.splice(0))
            sink(line);
    }
}

;// CONCATENATED MODULE: ./src/boot/step-end.ts
/**
 * The step always ends. @actions/http-client answers its socket timeout with a half-close, a
 * silent peer may keep a socket open for hours, and a stalled TLS-inspecting proxy never lets go:
 * any of them would keep Node's event loop, and with it the runner and its billed minutes, alive
 * until the job's 6-hour timeout. So the run does not wait for its sockets to drain: once the log,
 * the outputs and the summary are written, the process exits. A watchdog past the budget ends it
 * even if some await of the run itself never settles.
 */
/** How long the log may take to reach the runner before the process exits anyway. */
const FLUSH_LIMIT_MS = 500;
/** Past the budget, how long the run may still take to report before the watchdog ends it. */
const WATCHDOG_GRACE_MS = 1500;
/**
 * Exits once stdout and stderr have handed over what was written to them (pipes are asynchronous
 * on some platforms), with the exit code the run set (core.setFailed sets 1).
 */
async function endProcess() {
    // Not printing: waiting for what the printer wrote to leave the process.
    // eslint-disable-next-line no-restricted-properties
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
}
/**
 * Arms the watchdog: at `deadline` (epoch milliseconds) it fails the step, unless the run has
 * already failed it, and ends the process. Returns the function that disarms it.
 */
function armWatchdog(deadline, timeoutSeconds) {
    const timer = setTimeout(() => {
        // The run has not failed the step yet: say why it ends now, in the runner's own syntax.
        if (process.exitCode === undefined || process.exitCode === 0) {
            process.exitCode = 1;
            // A fixed text of the action's own, printed when the run that owns the printer is stuck.
            // eslint-disable-next-line no-restricted-properties
            process.stdout.write(`::error::The step did not finish within timeout-seconds (${timeoutSeconds} s) and was stopped: a server or proxy it was waiting for never answered.\n`);
        }
        void endProcess();
    }, Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
}
function flushed(stream) {
    return new Promise((resolve) => {
        const limit = setTimeout(resolve, FLUSH_LIMIT_MS);
        stream.write('', () => {
            clearTimeout(limit);
            resolve();
        });
    });
}

// EXTERNAL MODULE: ./src/smtp/transport.ts
var transport = __webpack_require__(1321);
;// CONCATENATED MODULE: ./src/main.ts





/**
 * Runs the action: boot (inputs → checks → SMTP dial) → toolkit → token ∥ message → deliver →
 * report. A dry run renders and reports without a connection; a set-up check authenticates and
 * sends nothing (over Graph: one test message to the sending mailbox).
 *
 * Start-up is ordered for the shortest send: nothing loads before the SMTP connection attempt
 * has left (see stages.ts), and nothing is printed before the toolkit has masked every secret.
 *
 * The step always ends: within timeout-seconds the run reports, and then the process exits
 * whatever its peers still hold open (see step-end.ts).
 */
async function run(early = {}) {
    const booted = await boot(early);
    const disarm = armWatchdog(booted.budget.deadline + WATCHDOG_GRACE_MS, Math.round(booted.budget.totalMs / 1000));
    try {
        await runBooted(booted);
    }
    finally {
        disarm();
        await endProcess();
    }
}
async function runBooted(booted) {
    // Loading the rest keeps the CPU busy for a while: not before the connection attempt has left.
    await booted.session?.dialing;
    const { core, log } = (await stages/* stages */._.toolkit()).startToolkit(booted);
    const progress = {};
    try {
        const settings = checkedSettings(booted);
        const run = { booted, settings, core, log, progress };
        if (settings.transport === 'graph' && !settings.dryRun) {
            // Microsoft Graph over HTTPS instead of an SMTP session: token ∥ connection → message → sendMail → report.
            const { openGraph } = await stages/* stages */._.graph();
            const graph = openGraph(booted.graphConnection, settings, booted.budget, log);
            try {
                await send(run, graph);
            }
            finally {
                graph.close();
            }
            return;
        }
        // A dry run opens no connection: it renders the message and reports it, and requests no token.
        if (settings.dryRun || !booted.session) {
            const message = await (await stages/* stages */._.message()).prepareMessage({ ...booted, settings, log });
            await (await stages/* stages */._.dryRun()).reportDryRun(core, log, settings, message, booted.attachments);
            return;
        }
        await send(run, undefined);
    }
    catch (err) {
        const { describeFailure } = await stages/* stages */._.failure();
        log.fail(await describeFailure(err, core, log, booted.settings, progress));
    }
    finally {
        booted.session?.close();
    }
}
/**
 * Token ∥ message → delivery over the transport chosen (the SMTP session dialled at start, or
 * Graph's connections) → report; or, with check-setup, the checklist instead of a message.
 */
async function send(run, graph) {
    const { booted, settings, core, log, progress } = run;
    const { budget } = booted;
    const { startTokens, tokenTimeout } = await stages/* stages */._.tokens();
    const tokens = startTokens(settings, { log, getIdToken: (audience) => core.getIDToken(audience), connection: booted.tokenConnection }, () => budget.tokenRequestMs());
    progress.claims = () => tokens.claims();
    const peer = graph ? settings.graphHost : `${settings.smtpHost}:${settings.smtpPort}`;
    log.info(`Connecting to ${peer} and requesting a token from ${settings.authorityHost}…`);
    // At the deadline, name the stage that kept us: a token request still unanswered means the
    // token endpoint, whatever the connection was doing meanwhile.
    const stalled = () => tokens.pending() ? tokenTimeout(settings, Math.round(settings.timeoutMs / 1000)) : undefined;
    if (settings.checkSetup)
        return checkSetup(run, tokens, stalled, graph);
    const sending = Promise.all([stages/* stages */._.mime(), stages/* stages */._.delivery()]);
    sending.catch(() => undefined); // awaited below, after rendering, which may fail first
    const message = await (await stages/* stages */._.message()).prepareMessage({ ...booted, settings, log });
    const [{ composeMessage }, delivery] = await sending;
    const { rendered, extras } = message;
    progress.composed = await composeMessage(settings, rendered, extras, graph ? { graph: true } : {});
    progress.ledger = new delivery.RecipientLedger(progress.composed.envelope.to);
    let transport;
    if (graph) {
        const { GraphSendTransport, graphRetryRules } = await stages/* stages */._.graph();
        const rules = { budget, log, maxAttempts: settings.maxAttempts, rules: graphRetryRules };
        transport = new GraphSendTransport({
            transport: graph.requests,
            tokens,
            log,
            retry: delivery.retryFor(rules),
            settings,
            roles: () => tokens.claims()?.roles,
            draft: {
                attachments: extras.attachments,
                compose: (attachments, messageId) => composeMessage(settings, rendered, { ...extras, attachments }, { graph: true, messageId })
            }
        });
    }
    else {
        transport = smtpTransport(run, booted.session);
    }
    const plan = { settings, transport, tokens, message: progress.composed, budget, ledger: progress.ledger, log };
    // The report loads while the message is on its way: after the server's last reply only printing is left.
    const report = stages/* stages */._.report();
    report.catch(() => undefined); // awaited after delivery, which may fail first
    const sent = await log.group('Send', () => budget.enforce(delivery.deliverWithRetries(plan), stalled));
    await (await report).reportDelivery(core, log, settings, rendered, sent);
}
/** SMTP: the session dialled at start for the first attempt, a new one for each later attempt. */
function smtpTransport({ booted, settings, log }, session) {
    return new transport/* SmtpTransport */.i({
        firstSession: session,
        openSession: (limits) => SmtpSession.open(settings, limits, { debug: (line) => booted.transcript.write(line) }),
        timeouts: () => booted.budget.smtpTimeouts(),
        user: settings.smtpUser,
        log
    });
}
/** check-setup: the checklist of the transport chosen, instead of a message. */
async function checkSetup({ booted, settings, core, log }, tokens, stalled, graph) {
    const report = { log, setOutput: core.setOutput, summary: core.summary };
    let check;
    if (graph) {
        const [{ runGraphSetupCheck }, { retryFor }] = await Promise.all([stages/* stages */._.graphCheckSetup(), stages/* stages */._.delivery()]);
        const { graphRetryRules } = await stages/* stages */._.graph();
        const retry = retryFor({ budget: booted.budget, log, maxAttempts: settings.maxAttempts, rules: graphRetryRules });
        check = runGraphSetupCheck({ settings, transport: graph.requests, tokens, log, retry }, report);
    }
    else {
        const { runSetupCheck } = await stages/* stages */._.checkSetup();
        check = runSetupCheck({ settings, session: booted.session, tokens }, report);
    }
    await booted.budget.enforce(check, stalled, 'set-up check');
}
/** The settings, or the input problem found at boot (reported now that the toolkit can print). */
function checkedSettings(booted) {
    if (!booted.settings || booted.problem !== undefined)
        throw booted.problem;
    return booted.settings;
}


/***/ }),

/***/ 5322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt),
/* harmony export */   Y: () => (/* binding */ boundedList)
/* harmony export */ });
/**
 * Bounds for outside text in reports: a server reply, an error page or a list of thousands of
 * recipients stays readable, and a hostile peer cannot flood the job log.
 */
/** The longest piece of outside text (a server reply, an error page) printed in one place. */
const EXCERPT_CHARS = 2000;
/** At most `max` characters of `text`, marked when cut. */
function excerpt(text, max = EXCERPT_CHARS) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… [cut: ${text.length - max} more characters not shown]`;
}
/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
function boundedList(items, max = 5, separator = ', ') {
    if (items.length <= max)
        return items.join(separator);
    return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
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

/***/ 1493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fk: () => (/* binding */ presentToken),
/* harmony export */   aY: () => (/* binding */ mayBeStale),
/* harmony export */   bG: () => (/* binding */ xoauth2Response),
/* harmony export */   ie: () => (/* binding */ advertisedMechanisms)
/* harmony export */ });
/* unused harmony exports STALE_AFTER_MS, decodeChallenge */
/** A token older than this, or expiring within it, could be refused for being stale. */
const STALE_AFTER_MS = 5 * 60_000;
/**
 * Whether a refused token could have been refused for its age, so that a renewed one might be
 * accepted: only a token acquired before this connection attempt began, and issued more than
 * five minutes ago or expiring within five minutes. A token from this same attempt is as fresh
 * as a renewed one would be; presenting another would only add a failed login, which Dovecot
 * and Postfix answer with growing delays. Pure.
 */
function mayBeStale(token, attemptStartedAt, now) {
    if (token.acquiredAt >= attemptStartedAt)
        return false;
    if (now - token.acquiredAt > STALE_AFTER_MS)
        return true;
    return token.expiresOn !== undefined && token.expiresOn.getTime() - now < STALE_AFTER_MS;
}
/** The SASL mechanisms an EHLO reply advertises (`AUTH LOGIN XOAUTH2`, `AUTH=PLAIN`), upper-cased. */
function advertisedMechanisms(ehloLines) {
    const found = new Set();
    for (const line of ehloLines) {
        const m = /^AUTH[\s=](.*)$/i.exec(line.trim());
        if (m)
            for (const mechanism of (m[1] ?? '').split(/[\s=]+/).filter(Boolean))
                found.add(mechanism.toUpperCase());
    }
    return [...found];
}
/**
 * The text of a `334` XOAUTH2 challenge, decoded: servers other than Exchange (Gmail, Dovecot)
 * answer a refused token with base64 JSON such as {"status":"401","schemes":"bearer","scope":"mail"}.
 * Bounded, and only printable characters. Pure.
 */
function decodeChallenge(text) {
    const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
    return decoded
        .replace(/[^\x20-\x7e]+/g, ' ')
        .trim()
        .slice(0, 300);
}
/** XOAUTH2's initial response: base64 of `user=…^Aauth=Bearer …^A^A`. */
function xoauth2Response(user, token) {
    return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}
/**
 * Presents one token: `AUTH XOAUTH2 <response>`; a `334` challenge is answered with the empty
 * line the SASL mechanism requires (RFC 7628 §3.2.3), and the server's final reply is returned.
 * nodemailer's own XOAUTH2 would instead answer the challenge with a second AUTH and a renewed
 * token, whatever the token's age. nodemailer logs the command with the token masked.
 */
async function presentToken(ctx, user, token) {
    const response = xoauth2Response(user, token);
    let first = await ctx.sendCommand(`AUTH XOAUTH2 ${response}`);
    // Dovecot 2.3.19 refuses an AUTH line over 1 KiB (500 5.5.2 Line too long): the same response
    // after a bare AUTH and its 334 is accepted. A syntax reply is no failed login.
    if (first.status === 500 || first.status === 501) {
        const ready = await ctx.sendCommand('AUTH XOAUTH2');
        if (ready.status !== 334)
            return { reply: ready };
        first = await ctx.sendCommand(response);
    }
    if (first.status !== 334)
        return { reply: first };
    const challenge = decodeChallenge(first.text || first.response.replace(/^334[ -]?/, ''));
    const reply = await ctx.sendCommand('');
    return challenge ? { reply, challenge } : { reply };
}


/***/ }),

/***/ 1321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ MAX_RECIPIENTS_PER_TRANSACTION),
/* harmony export */   i: () => (/* binding */ SmtpTransport)
/* harmony export */ });
/** Exchange Online takes at most 500 recipients per message. */
const MAX_RECIPIENTS_PER_TRANSACTION = 500;
/**
 * SMTP as a transport: one session per attempt (delivery retries an attempt whole, on a new
 * session), XOAUTH2 at AUTH, and transactions of at most 500 recipients.
 */
class SmtpTransport {
    deps;
    retries = 'attempt';
    recipientsPerSend = MAX_RECIPIENTS_PER_TRANSACTION;
    session;
    constructor(deps) {
        this.deps = deps;
        this.session = deps.firstSession;
    }
    open() {
        this.session = this.deps.openSession(this.deps.timeouts());
    }
    async authenticate(tokens, attemptStartedAt) {
        await this.session.login((renew) => tokens.get(renew), attemptStartedAt);
        this.deps.log.info(`Authenticated as ${this.deps.user} with XOAUTH2.`);
    }
    send(message, recipients) {
        return this.session.send(message, recipients);
    }
    close() {
        this.session.close();
    }
    abort() {
        this.session.abort();
    }
}


/***/ })

};
