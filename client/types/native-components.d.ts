// JSX types of the native mini-program components the weapp build uses (src/native/*).
import 'react'

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'call-button': {
        role: string
        name: string
        phone: string
        onCall: (event: { detail: { phone: string } }) => void
      }
    }
  }
}
