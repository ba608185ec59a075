// Vite's React template: nothing about roster-rules or its .wasm.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
