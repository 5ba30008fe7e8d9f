import { render } from 'preact';
import { Popup } from './Popup';
import '../ui/entry-card.css';
import './popup.css';

render(<Popup />, document.getElementById('app')!);
