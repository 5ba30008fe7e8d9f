import { render } from 'preact';
import { Welcome } from './Welcome';
import '../popup/popup.css';
import '../ui/entry-card.css';
import './welcome.css';

render(<Welcome />, document.getElementById('app')!);
