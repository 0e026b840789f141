/**
 * Saves text as a file the browser downloads (the CSV `performanceCsv` made: UTF-8 with its BOM, CRLF,
 * for Excel). The BOM is already in the text; a Blob keeps every byte as it is.
 */
export function saveTextFile(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has started from the link; the URL may go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
