// The subscribe page's Copy button: shown only when this runs, so without
// JavaScript the page offers the address as text to select, and nothing broken.
const source = document.querySelector<HTMLInputElement>('[data-copy-source]');
const button = document.querySelector<HTMLButtonElement>('[data-copy]');
const status = document.querySelector<HTMLElement>('[data-copy-status]');

if (source && button && status && navigator.clipboard) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = 'Copied. Paste it into your feed reader.';
    } catch {
      source.select();
      status.textContent = 'Selected: press Ctrl+C (Cmd+C on a Mac) to copy.';
    }
  });
}
// A tap in the box selects the whole address, ready to copy by hand.
source?.addEventListener('focus', () => source.select());
