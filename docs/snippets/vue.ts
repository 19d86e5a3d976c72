import { createApp, defineComponent, h } from 'vue';
import 'customer-portal-elements/define';
import { HttpAdapter, PORTAL_TAGS, type PortalReadyEvent } from 'customer-portal-elements';

const SupportPage = defineComponent({
  setup() {
    const adapter = new HttpAdapter({ baseUrl: '/api/v1' });
    // In a template: <customer-portal :adapter.prop="adapter" locale="de" @portal-ready="onReady" />
    return () => h('customer-portal', {
      '.adapter': adapter,
      locale: 'de',
      onPortalReady: (event: PortalReadyEvent) => console.log(event.detail.name),
    });
  },
});

const app = createApp(SupportPage);
// The portal's tags are custom elements, not Vue components.
app.config.compilerOptions.isCustomElement = (tag) => (PORTAL_TAGS as readonly string[]).includes(tag);
app.mount('#app');
