import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The built page carries the record as static text for readers without JavaScript; the app
// takes its place.
target.replaceChildren();
mount(App, { target });
