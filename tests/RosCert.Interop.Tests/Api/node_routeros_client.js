// Drives RosCert's binary API with node-routeros, as Node tools do: login, add, sign, print.
// Usage: node node_routeros_client.js PORT ; prints one JSON line with what it saw.
const { RouterOSAPI } = require('node-routeros');

async function main() {
  const port = Number(process.argv[2]);
  const conn = new RouterOSAPI({ host: '127.0.0.1', user: 'admin', password: 'pw', port, timeout: 20 });
  await conn.connect();
  await conn.write('/certificate/add', ['=name=node', '=common-name=node.test', '=key-size=prime256v1']);
  await conn.write('/certificate/sign', ['=number=node']);
  const items = await conn.write('/certificate/print', ['?name=node']);
  let trap = '';
  try {
    await conn.write('/certificate/remove', ['=numbers=missing']);
  } catch (error) {
    trap = error.message;
  }
  conn.close();
  console.log(JSON.stringify({ items, trap }));
}

main().catch((error) => { console.error(String(error)); process.exit(1); });
