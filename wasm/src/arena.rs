//! Linear-memory layout: [static data + stack][io area][label scratch]. The io area starts at the
//! initial memory size and is sized by the host; scratch follows it, 64-byte aligned.
use core::arch::wasm32;

const PAGE: usize = 65536;
static mut BASE: usize = 0;
static mut IO_LEN: usize = 0;

fn base() -> usize {
    // Safety: the module is single-threaded; each instance owns its memory and globals.
    unsafe {
        if BASE == 0 {
            BASE = wasm32::memory_size(0) * PAGE;
        }
        BASE
    }
}

fn ensure(end: usize) -> bool {
    let have = wasm32::memory_size(0) * PAGE;
    if end <= have {
        return true;
    }
    let pages = (end - have + PAGE - 1) / PAGE;
    wasm32::memory_grow(0, pages) != usize::MAX
}

/// Makes room for `len` bytes of host I/O and returns where they start, or 0 when memory is full.
#[no_mangle]
pub extern "C" fn io_buffer(len: usize) -> usize {
    let start = base();
    match start.checked_add(len) {
        Some(end) if ensure(end) => {
            unsafe { IO_LEN = len };
            start
        }
        _ => 0,
    }
}

/// Scratch of `len` bytes after the io area, or None when memory cannot grow that far.
pub fn scratch(len: usize) -> Option<*mut u8> {
    let start = (base() + unsafe { IO_LEN } + 63) & !63;
    let end = start.checked_add(len)?;
    if ensure(end) {
        Some(start as *mut u8)
    } else {
        None
    }
}
