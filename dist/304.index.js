export const id = 304;
export const ids = [304];
export const modules = {

/***/ 3304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeFailure: () => (/* binding */ describeFailure)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _diagnosis_partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1762);
/* harmony import */ var _diagnosis_diagnose_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3182);
/* harmony import */ var _diagnosis_failure_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6523);
/* harmony import */ var _diagnosis_format_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3482);
/* harmony import */ var _graph_graph_error_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5007);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5468);









/**
 * The text the step fails with: the diagnosis (cause and fix), then who got the message before
 * the failure (set as outputs too) and where the undelivered message was saved.
 */
async function describeFailure(err, core, log, settings, progress) {
    const token = progress.claims?.();
    const troubleshooting = (0,_diagnosis_format_js__WEBPACK_IMPORTED_MODULE_7__/* .troubleshootingBase */ .WE)(process.env);
    const context = {
        ...(settings ? (0,_diagnosis_diagnose_js__WEBPACK_IMPORTED_MODULE_4__/* .diagnosisContext */ .zd)(settings) : {}),
        ...(token ? { token } : {}),
        ...(troubleshooting ? { troubleshooting } : {})
    };
    let text = (0,_diagnosis_format_js__WEBPACK_IMPORTED_MODULE_7__/* .formatDiagnosis */ .Nb)((0,_diagnosis_diagnose_js__WEBPACK_IMPORTED_MODULE_4__/* .diagnose */ .h4)((0,_diagnosis_failure_js__WEBPACK_IMPORTED_MODULE_5__/* .failureFromError */ .J)(err), context));
    // A partial delivery is the failure itself: its report already names who got the message.
    if (err instanceof _diagnosis_partial_delivery_error_js__WEBPACK_IMPORTED_MODULE_3__/* .PartialDeliveryError */ .e)
        return text;
    const delivered = progress.ledger?.accepted() ?? [];
    if (delivered.length > 0) {
        // Some transactions went through before the failure: say so, and report them as outputs.
        (0,_outputs_js__WEBPACK_IMPORTED_MODULE_8__/* .setAcceptedOutputs */ .gz)(core, log, delivered);
        text += `\n\nBefore this failure the message was delivered to ${delivered.length} of ${progress.ledger?.size ?? 0} recipients (${(0,_outputs_js__WEBPACK_IMPORTED_MODULE_8__/* .nameRecipients */ .Yg)(log, delivered)}; output accepted); they will not get it twice.`;
    }
    const saved = progress.composed ? await saveUndelivered(progress.composed, log) : undefined;
    if (saved) {
        core.setOutput('eml-path', saved);
        // Graph may have taken a message whose answer was lost: the copy is then not "undelivered".
        const what = err instanceof _graph_graph_error_js__WEBPACK_IMPORTED_MODULE_6__/* .GraphError */ .h && err.mayHaveBeenAccepted
            ? 'The message (perhaps delivered)'
            : 'The undelivered message';
        text += `\n\n${what} was saved to ${saved} (output eml-path): keep it with actions/upload-artifact.`;
    }
    return text;
}
/** Writes the composed message to RUNNER_TEMP so that a later step can keep it. */
async function saveUndelivered(message, log) {
    const dir = process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    const runId = process.env.GITHUB_RUN_ID ?? 'local';
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `undelivered-${runId}-${Date.now()}.eml`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, message.raw);
        return file;
    }
    catch (err) {
        log.warning(`Could not save the undelivered message: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
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


/***/ })

};
