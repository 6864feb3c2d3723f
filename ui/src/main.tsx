import 'bootstrap/dist/css/bootstrap.min.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './app/startApp';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void startApp(createRoot(container), (node) => <StrictMode>{node}</StrictMode>);
