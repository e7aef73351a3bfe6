// The subscribe page's Copy button: shown only when this runs, so without
// JavaScript the page offers the address as text to select, and nothing broken.
const addressBox = document.querySelector<HTMLInputElement>('[data-copy-source]');
const copyButton = document.querySelector<HTMLButtonElement>('[data-copy]');
const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]');

if (addressBox && copyButton && copyStatus && navigator.clipboard) {
  copyButton.hidden = false;
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(addressBox.value);
      copyStatus.textContent = 'Copied. Paste it into your feed reader.';
    } catch {
      addressBox.select();
      copyStatus.textContent = 'Selected: press Ctrl+C (Cmd+C on a Mac) to copy.';
    }
  });
}
// A tap in the box selects the whole address, ready to copy by hand.
addressBox?.addEventListener('focus', () => addressBox.select());

export {};
