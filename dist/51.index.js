export const id = 51;
export const ids = [51];
export const modules = {

/***/ 7051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composeMessage: () => (/* binding */ composeMessage)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var nodemailer_lib_mail_composer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(110);


/** Formats a mailbox as nodemailer takes it. */
function mailbox(m) {
    return m.name ? { name: m.name, address: m.address } : m.address;
}
/** Threading headers for a key: a stable root Message-ID every message refers to, and Outlook's topic/index. */
function threadHeaders(key, repository, domain) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${repository}\n${key}`).digest();
    return {
        root: `<thread.${digest.subarray(0, 16).toString('hex')}@${domain}>`,
        topic: key,
        // Outlook's Thread-Index: 22 bytes (a 6-byte time part and a 16-byte GUID), the same for every message of the thread
        index: digest.subarray(0, 22).toString('base64')
    };
}
/** The nodemailer message options: Bcc goes to the envelope only. */
function buildMailOptions(settings, message, extras) {
    const options = {
        from: mailbox(settings.from),
        to: settings.to.map(mailbox),
        cc: settings.cc.map(mailbox),
        bcc: settings.bcc.map(mailbox),
        subject: message.subject,
        text: message.text,
        // Nothing in a message may make nodemailer read a file or fetch a URL (attachments are bytes).
        disableFileAccess: true,
        disableUrlAccess: true
    };
    if (settings.replyTo.length > 0)
        options.replyTo = settings.replyTo.map(mailbox);
    if (message.html !== undefined)
        options.html = message.html;
    const headers = { ...settings.headers };
    // what nodemailer's Mailer writes for `priority` (MailComposer alone does not)
    if (settings.priority === 'high') {
        Object.assign(headers, { 'X-Priority': '1 (Highest)', 'X-MSMail-Priority': 'High', Importance: 'High' });
    }
    else if (settings.priority === 'low') {
        Object.assign(headers, { 'X-Priority': '5 (Lowest)', 'X-MSMail-Priority': 'Low', Importance: 'Low' });
    }
    const references = [];
    if (settings.inReplyTo) {
        options.inReplyTo = settings.inReplyTo;
        references.push(settings.inReplyTo);
    }
    if (extras?.threadKey) {
        const domain = settings.from.address.split('@')[1] ?? 'localhost';
        const thread = threadHeaders(extras.threadKey, extras.repository, domain);
        if (!options.inReplyTo)
            options.inReplyTo = thread.root;
        references.unshift(thread.root);
        headers['Thread-Topic'] = thread.topic;
        headers['Thread-Index'] = thread.index;
    }
    if (references.length)
        options.references = references;
    if (Object.keys(headers).length)
        options.headers = headers;
    if (extras?.attachments.length) {
        // the bytes read and checked before connecting (workspace-files.ts), never a path read again
        options.attachments = extras.attachments.map((a) => ({ filename: a.filename, content: a.content }));
    }
    return options;
}
/**
 * Composes the MIME message with nodemailer's MailComposer. `graph` composes it for Microsoft
 * Graph, which takes the MIME as it is: CRLF line endings throughout (SMTP's DATA adds them on
 * the way; a bare LF breaks quoted-printable decoding in Exchange), and a second build with the
 * Bcc header (`withBcc`), which has the same Message-ID, Date and boundaries.
 */
async function composeMessage(settings, message, extras, options = {}) {
    const mailOptions = buildMailOptions(settings, message, extras);
    if (options.graph)
        mailOptions.newline = 'windows';
    // the same message again, with other attachments (a Graph draft): the same Message-ID
    if (options.messageId)
        mailOptions.messageId = options.messageId;
    const mime = new nodemailer_lib_mail_composer__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A(mailOptions).compile();
    const envelope = mime.getEnvelope();
    const build = () => new Promise((resolve, reject) => mime.build((err, data) => (err ? reject(err) : resolve(data))));
    const raw = await build();
    const composed = {
        envelope: { from: String(envelope.from || settings.from.address), to: envelope.to.map(String) },
        messageId: mime.messageId(),
        raw
    };
    if (options.graph && settings.bcc.length > 0) {
        // what nodemailer's Mailer does for its own `keepBcc` option
        mime.keepBcc = true;
        composed.withBcc = await build();
    }
    return composed;
}


/***/ })

};
