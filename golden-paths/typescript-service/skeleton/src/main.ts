// ${{ parameters.name }}: ${{ parameters.description }}
import { createApp } from './server.js';

const port = Number(process.env.PORT ?? 8080);
const server = createApp();
server.listen(port, () => console.log(`${{ parameters.name }} listening on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
