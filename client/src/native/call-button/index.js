// A native mini-program component (not React): one grid staff member with a large call button.
// It only reports the tap (`call` event, detail { phone }); the page decides how to dial, so the
// component stays testable in miniprogram-simulate and free of platform calls.
Component({
  options: { addGlobalClass: false },
  properties: {
    role: { type: String, value: '' },
    name: { type: String, value: '' },
    phone: { type: String, value: '' },
  },
  data: { pressed: false },
  methods: {
    onTap() {
      if (!this.data.phone) return
      this.setData({ pressed: true })
      this.triggerEvent('call', { phone: this.data.phone, name: this.data.name })
    },
  },
})
