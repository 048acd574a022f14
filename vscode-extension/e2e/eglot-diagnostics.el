;;; eglot-diagnostics.el --- Emacs eglot as an LSP client of the IPSL server  -*- lexical-binding: t -*-
;; Opens every .ipsl file of IPSL_WORKSPACE, starts eglot (which sends empty settings in
;; workspace/didChangeConfiguration), waits until the server has published diagnostics for each
;; file and then been quiet for IPSL_QUIET_MS, and writes what flymake holds as "FILE:LINE:CODE"
;; lines to IPSL_OUT.  Exit status 0 when written, 1 on timeout.
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'cl-lib)
(setq eglot-sync-connect 30)

(define-derived-mode ipsl-mode prog-mode "IPSL")          ; languageId "ipsl"
(add-to-list 'auto-mode-alist '("\\.ipsl\\'" . ipsl-mode))
(add-to-list 'eglot-server-programs
             `(ipsl-mode . (,(or (getenv "IPSL_JAVA") "java") "-jar" ,(getenv "IPSL_JAR") "lsp")))

(defvar ipsl-published (make-hash-table :test 'equal) "Files the server has published diagnostics for.")
(defvar ipsl-last-publish (float-time))
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri &allow-other-keys)
  (puthash (file-truename (eglot--uri-to-path uri)) t ipsl-published)
  (setq ipsl-last-publish (float-time)))

(let* ((workspace (file-name-as-directory (file-truename (getenv "IPSL_WORKSPACE"))))
       (timeout (/ (string-to-number (or (getenv "IPSL_TIMEOUT_MS") "90000")) 1000.0))
       (quiet (/ (string-to-number (or (getenv "IPSL_QUIET_MS") "2000")) 1000.0))
       (files (sort (directory-files-recursively workspace "\\.ipsl\\'") #'string<))
       (buffers (mapcar #'find-file-noselect files))
       (deadline (+ (float-time) timeout)))
  (setq default-directory workspace)
  ;; The workspace is the folder itself, not an enclosing git repository (the copy may lie inside one).
  (setq project-find-functions (list (lambda (_dir) (cons 'transient workspace))))
  (with-current-buffer (car buffers) (call-interactively #'eglot))
  (dolist (buffer buffers) (with-current-buffer buffer (flymake-mode 1)))
  (while (and (< (float-time) deadline)
              (not (and (cl-every (lambda (file) (gethash (file-truename file) ipsl-published)) files)
                        (>= (- (float-time) ipsl-last-publish) quiet))))
    (dolist (buffer buffers) (with-current-buffer buffer (flymake-start)))
    (accept-process-output nil 0.2))
  (unless (< (float-time) deadline)
    (message "eglot: no diagnostics published within %s s for: %s" timeout
             (cl-remove-if (lambda (file) (gethash (file-truename file) ipsl-published)) files))
    (kill-emacs 1))
  (let ((lines '()))
    (cl-loop for buffer in buffers for file in files do
             (with-current-buffer buffer
               (dolist (d (flymake-diagnostics))
                 (let ((spec (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
                   (push (format "%s:%d:%s" (file-relative-name file workspace)
                                 (line-number-at-pos (flymake-diagnostic-beg d))
                                 (or (plist-get spec :code) ""))
                         lines)))))
    (with-temp-file (getenv "IPSL_OUT")
      (dolist (line (nreverse lines)) (insert line "\n"))))
  (kill-emacs 0))
