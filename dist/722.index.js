export const id = 722;
export const ids = [722];
export const modules = {

/***/ 722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileMessageTemplates: () => (/* binding */ compileMessageTemplates)
/* harmony export */ });
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(599);

function compileMessageTemplates(settings) {
    const message = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .compileTemplates */ .n9)(settings);
    const threadKey = settings.threadKey ? (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .compileText */ .tg)(settings.threadKey) : undefined;
    return { message, ...(threadKey ? { threadKey } : {}) };
}


/***/ })

};
