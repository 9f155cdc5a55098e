import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openLecternDb } from '../../app/store/db';
import { detectPlatform } from '../platform';
import { App } from './App';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { ServicesProvider } from './services/context';
import { createServices } from './services/services';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // The app's services, created once: the renderer's one store connection, its search index,
  // the platform it runs on, notices, commands and UI state.
  const services = createServices({ database: openLecternDb(), platform: detectPlatform(), storage: localStorage });
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary what="Lectern" reach="window">
        <ServicesProvider services={services}>
          <App />
        </ServicesProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
}
