// First, before any module builds a schema.
import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Thiếu phần tử #root trong index.html.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
