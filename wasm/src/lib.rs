//! PoST primitives for the browser smesher, compiled to `wasm32-unknown-unknown` with SIMD128.
//!
//! * `labels`: scrypt-jane labels (ChaCha20/8 ROMix, PBKDF2-HMAC-Keccak-512), several per call,
//!   with the smallest full 32-byte output kept for the VRF nonce search (post-poet.md §1.1, §1.3).
//! * `aes_scan`: AES-128-ECB of 16-byte labels under a nonce group's key, reporting the bytes that
//!   fall at or under the difficulty's most significant byte (post-poet.md §2.3).
//!
//! No allocator: the host asks for an I/O area with `io_buffer`, and the label scratch (N × 128
//! bytes per label in flight) lives right after it; both grow linear memory as needed.
#![no_std]

mod aes;
mod arena;
mod keccak;
mod label;
mod romix;

#[cfg(not(test))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
