export const id = 967;
export const ids = [967];
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

/***/ 4811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ messageFacts)
/* harmony export */ });
/* harmony import */ var _inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7485);

/** The rows describing a message, shared by the log and the summary; Bcc shows only a count. */
function messageFacts(settings, message) {
    const rows = [
        ['Subject', message.subject],
        ['From', (0,_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX)(settings.from)]
    ];
    if (settings.to.length)
        rows.push(['To', settings.to.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.cc.length)
        rows.push(['Cc', settings.cc.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    if (settings.bcc.length)
        rows.push(['Bcc', `${settings.bcc.length} hidden recipient(s)`]);
    if (settings.replyTo.length)
        rows.push(['Reply-To', settings.replyTo.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMailbox */ .KX).join(', ')]);
    rows.push(['Parts', message.html === undefined ? 'text' : 'text + HTML']);
    return rows;
}


/***/ }),

/***/ 8048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ escapeHtmlKeepEntities),
/* harmony export */   G9: () => (/* binding */ htmlToText),
/* harmony export */   OX: () => (/* binding */ toSingleLine),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   yj: () => (/* binding */ toLf)
/* harmony export */ });
/* harmony import */ var _shared_optional_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1181);

/** Longest subject kept; longer ones are cut with an ellipsis. */
const MAX_SUBJECT_LENGTH = 250;
/** Any value as text, never throwing (Liquid's own conversion throws on `{"toString": 1}`). */
function toText(value, depth = 0) {
    if (typeof value === 'string')
        return value;
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    // Liquid joins arrays without a separator when it prints them.
    if (Array.isArray(value))
        return depth >= 8 ? '' : value.map((item) => toText(item, depth + 1)).join('');
    try {
        // An object prints as Liquid prints it: its own toString, else [object Object].
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        return String(value);
    }
    catch {
        return '';
    }
}
/**
 * The text with LF line ends: CRLF (a Windows checkout, GitHub's web editor, PowerShell) and a
 * lone CR end a line as LF does. Rendering works on LF text only; the MIME puts CRLF back.
 */
function toLf(text) {
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and double- or single-quoted attributes. */
function escapeHtml(value) {
    return toText(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
/** Like escapeHtml, but leaves character references (`&amp;`, `&#169;`) as they are. */
function escapeHtmlKeepEntities(text) {
    return text.replace(/&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{1,31};)|[<>"']/gi, (c) => HTML_ESCAPES[c] ?? c);
}
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/**
 * The URL if it is http(s) or mailto, resolved against `base` when relative (and a base is
 * given); otherwise the empty string. Never returns javascript:, data:, vbscript: … links.
 */
function safeUrl(value, base) {
    const text = toText(value).trim();
    if (!text || text.length > 8192)
        return '';
    let url;
    try {
        url = base ? new URL(text, base) : new URL(text);
    }
    catch {
        return '';
    }
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : '';
}
/** Makes any text a single header-safe line: no control characters, collapsed spaces, bounded length. */
function toSingleLine(value, max = MAX_SUBJECT_LENGTH) {
    const line = value
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
/** The text alternative of an HTML part (html-to-text is loaded only when a message needs it). */
async function htmlToText(html) {
    const { convert } = await _shared_optional_js__WEBPACK_IMPORTED_MODULE_0__/* .optional */ .l.htmlToText();
    return convert(html, { wordwrap: 78 });
}


/***/ }),

/***/ 1967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportDryRun: () => (/* binding */ reportDryRun)
/* harmony export */ });
/* harmony import */ var _inputs_attachments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8339);
/* harmony import */ var _inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7485);
/* harmony import */ var _job_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5236);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5468);




/** Reports a dry run: the message that would be sent, in the log and the job summary. */
async function reportDryRun(core, log, settings, message, attachments) {
    const { rendered, extras } = message;
    // one block: the rendered message is outside text (commit messages, PR bodies, release notes)
    log.infoGroup('Dry run: the message that would be sent', [
        ...headerLines(settings, rendered.subject, attachments, extras.threadKey),
        '',
        '--- text/plain ---',
        rendered.text,
        ...(rendered.html !== undefined ? ['--- text/html ---', rendered.html] : [])
    ].join('\n'));
    log.info('Dry run: no token was requested and nothing was sent.');
    await (0,_job_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .writeDryRunSummary */ .t)(core, settings, rendered);
    (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .setDeliveryOutputs */ .tp)(core, log, { messageId: '', accepted: [], rejected: [], response: 'dry run: nothing sent' });
}
function headerLines(settings, subject, attachments, threadKey) {
    const lines = [`From: ${(0,_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX)(settings.from)}`];
    if (settings.to.length)
        lines.push(`To: ${settings.to.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')}`);
    if (settings.cc.length)
        lines.push(`Cc: ${settings.cc.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')}`);
    // a blind copy stays blind: the log of a public repository is public
    if (settings.bcc.length)
        lines.push(`Bcc: ${settings.bcc.length} hidden recipient(s)`);
    if (settings.replyTo.length)
        lines.push(`Reply-To: ${settings.replyTo.map(_inputs_mailboxes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatMailbox */ .KX).join(', ')}`);
    lines.push(`Subject: ${subject}`);
    if (settings.priority !== 'normal')
        lines.push(`Priority: ${settings.priority}`);
    if (settings.inReplyTo)
        lines.push(`In-Reply-To: ${settings.inReplyTo}`);
    if (threadKey)
        lines.push(`Thread key: ${threadKey}`);
    for (const [name, value] of Object.entries(settings.headers))
        lines.push(`${name}: ${value}`);
    for (const a of attachments)
        lines.push(`Attachment: ${a.filename} (${(0,_inputs_attachments_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(a.size)}, ${a.path})`);
    return lines;
}


/***/ }),

/***/ 5236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ writeDeliverySummary),
/* harmony export */   t: () => (/* binding */ writeDryRunSummary)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5322);
/* harmony import */ var _message_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8048);
/* harmony import */ var _message_facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4811);



function table(rows) {
    const body = rows.map(([k, v]) => `<tr><th align="left">${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(k)}</th><td>${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(v)}</td></tr>`);
    return `<table>${body.join('')}</table>`;
}
function preview(message) {
    return `<details><summary>Message text</summary>\n\n<pre>${(0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(message.text)}</pre>\n\n</details>`;
}
/** Writes the job summary of a delivered message. */
async function writeDeliverySummary(core, log, settings, message, delivery) {
    const rows = (0,_message_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .r)(settings, message);
    // Bcc addresses stay hidden here too: the summary is visible to everyone who can see the run.
    const shown = (address) => !log.isHidden(address);
    const accepted = delivery.accepted.filter(shown);
    const hiddenCount = delivery.accepted.length - accepted.length;
    // bounded: a message to thousands of recipients keeps a readable summary (the outputs list them all)
    const acceptedText = [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y)(accepted, 20), ...(hiddenCount ? [`${hiddenCount} Bcc`] : [])]
        .filter(Boolean)
        .join(', ');
    rows.push(['Accepted', acceptedText || '(none)']);
    // a server's reply may name the recipient it refused: redacted like the log
    const reply = (text) => log.redact((0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .K)(text, 300));
    const rejected = delivery.rejected.map((r) => shown(r.address) ? `${r.address} (${reply(r.response)})` : `a Bcc recipient (${reply(r.response)})`);
    if (rejected.length)
        rows.push(['Rejected', (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedList */ .Y)(rejected, 20)]);
    rows.push(['Message-ID', delivery.messageId], ['Server reply', reply(delivery.response)]);
    await core.summary
        .addHeading('📧 Notification sent', 3)
        .addRaw(table(rows), true)
        .addRaw(preview(message), true)
        .write();
}
/** Writes the job summary of a dry run. */
async function writeDryRunSummary(core, settings, message) {
    await core.summary
        .addHeading('📝 Notification preview (dry run, nothing sent)', 3)
        .addRaw(table((0,_message_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .messageFacts */ .r)(settings, message)), true)
        .addRaw(preview(message), true)
        .write();
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yg: () => (/* binding */ nameRecipients),
/* harmony export */   gz: () => (/* binding */ setAcceptedOutputs),
/* harmony export */   tp: () => (/* binding */ setDeliveryOutputs)
/* harmony export */ });
/* unused harmony export OUTPUT_NAMES */
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5322);

/** Output names, as declared in action.yml. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'message-id',
    'accepted',
    'rejected',
    'accepted-count',
    'rejected-count',
    'response',
    'eml-path',
    'check-setup'
]));
/** The outputs of a delivery; Bcc recipients are counted, never named. */
function setDeliveryOutputs(core, log, delivery) {
    core.setOutput('message-id', delivery.messageId);
    setAcceptedOutputs(core, log, delivery.accepted);
    core.setOutput('rejected', shownOnly(log, delivery.rejected.map((r) => r.address)).join(','));
    core.setOutput('rejected-count', String(delivery.rejected.length));
    core.setOutput('response', log.redact(delivery.response));
}
/** Who got the message: also set when a delivery failed after some transactions went through. */
function setAcceptedOutputs(core, log, accepted) {
    core.setOutput('accepted', shownOnly(log, accepted).join(','));
    core.setOutput('accepted-count', String(accepted.length));
}
/** The shown recipients, five by name at most, and how many Bcc recipients besides (never named). */
function nameRecipients(log, addresses) {
    const shown = shownOnly(log, addresses);
    const hidden = addresses.length - shown.length;
    return [(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_0__/* .boundedList */ .Y)(shown), ...(hidden ? [`${hidden} Bcc recipient(s)`] : [])].filter(Boolean).join(', ') || '(none)';
}
function shownOnly(log, addresses) {
    return addresses.filter((address) => !log.isHidden(address));
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


/***/ })

};
