-- Neovim 0.7 (Debian 12) as an LSP client of the IPSL server: opens every .ipsl file of
-- IPSL_WORKSPACE, waits until the server has published diagnostics for each and then been quiet
-- for IPSL_QUIET_MS, and writes what Neovim holds as "FILE:LINE:CODE" lines to IPSL_OUT.
-- Exit status 0 when written, 1 on timeout (the reason goes to stderr).
local workspace = assert(os.getenv('IPSL_WORKSPACE'))
local out = assert(os.getenv('IPSL_OUT'))
local timeout = tonumber(os.getenv('IPSL_TIMEOUT_MS') or '90000')
local quiet = tonumber(os.getenv('IPSL_QUIET_MS') or '2000')

vim.cmd('cd ' .. vim.fn.fnameescape(workspace))
local files = vim.fn.sort(vim.fn.globpath('.', '**/*.ipsl', false, true))
local published, last_publish = {}, vim.loop.now()
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']

local config = {
  name = 'ipsl',
  cmd = { os.getenv('IPSL_JAVA') or 'java', '-jar', assert(os.getenv('IPSL_JAR')), 'lsp' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
      default_handler(err, result, ctx, cfg)
      published[vim.uri_to_fname(result.uri)] = true
      last_publish = vim.loop.now()
    end,
  },
}
local client_id
local buffers = {}
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'ipsl'
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.lsp.start then client_id = vim.lsp.start(config) -- nvim >= 0.8
  else
    client_id = client_id or vim.lsp.start_client(config) -- nvim 0.7
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  buffers[#buffers + 1] = { bufnr = bufnr, file = file:gsub('^%./', ''), path = vim.api.nvim_buf_get_name(bufnr) }
end

local function all_published()
  for _, b in ipairs(buffers) do if not published[b.path] then return false end end
  return true
end
local settled = vim.wait(timeout, function()
  return all_published() and vim.loop.now() - last_publish >= quiet
end, 100)
if not settled then
  local missing = {}
  for _, b in ipairs(buffers) do if not published[b.path] then missing[#missing + 1] = b.file end end
  io.stderr:write('nvim: no diagnostics published within ' .. timeout .. ' ms for: ' .. table.concat(missing, ' ') .. '\n')
  vim.cmd('cquit 1')
end

local f = assert(io.open(out, 'w'))
for _, b in ipairs(buffers) do
  for _, d in ipairs(vim.diagnostic.get(b.bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    f:write(string.format('%s:%d:%s\n', b.file, d.lnum + 1, tostring(code)))
  end
end
f:close()
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
