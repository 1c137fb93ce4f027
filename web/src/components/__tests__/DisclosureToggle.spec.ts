import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import DisclosureToggle from '@/components/DisclosureToggle.vue';

const render = (enhanced: boolean, expanded = false) =>
  mount(DisclosureToggle, {
    props: { controls: 'panel', expanded, enhanced },
    slots: { default: 'More' },
    attrs: { class: 'x' },
  });

describe('DisclosureToggle', () => {
  it('before scripts: a link to the panel, without button semantics', () => {
    const wrapper = render(false);
    expect(wrapper.element.tagName).toBe('A');
    expect(wrapper.attributes('href')).toBe('#panel');
    expect(wrapper.attributes('aria-expanded')).toBeUndefined();
    expect(wrapper.classes()).toContain('x');
    expect(wrapper.text()).toBe('More');
  });

  it.each([
    [false, 'false'],
    [true, 'true'],
  ])('with scripts: a button (expanded %s) that asks to toggle', async (expanded, aria) => {
    const wrapper = render(true, expanded);
    expect(wrapper.element.tagName).toBe('BUTTON');
    expect(wrapper.attributes('type')).toBe('button');
    expect(wrapper.attributes('aria-expanded')).toBe(aria);
    expect(wrapper.attributes('aria-controls')).toBe('panel');
    await wrapper.trigger('click');
    expect(wrapper.emitted('toggle')).toHaveLength(1);
  });
});
