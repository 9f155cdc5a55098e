// pdf.js's own worker for the page view: importing it in a worker context starts its message
// handler on the worker's port. Bundled by Vite as a same-origin module worker (the CSP allows
// worker-src 'self'), so nothing is fetched from elsewhere.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
