// The error is a diagnosis's input (src/diagnosis/failure.ts classifies it), so it lives there, below delivery/.
export { PartialDeliveryError } from '../diagnosis/partial-delivery-error.js'
