//! Build script. On every target it only declares the `atsdrop_gui_subsystem` cfg (see
//! `src/main.rs` and `packaging/README.md`) and asks to be rerun only when this file changes.
//! On a Windows host building for Windows it also embeds the app icon and the version
//! information (from `Cargo.toml`) in `atsdrop.exe`, with `winresource` — a build-dependency
//! that exists only on Windows hosts, so it costs nothing here.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    // Set by the Windows installer build (`cargo rustc … -- --cfg atsdrop_gui_subsystem`) to make a
    // second copy of the binary that starts without a console window.
    println!("cargo::rustc-check-cfg=cfg(atsdrop_gui_subsystem)");
    #[cfg(windows)]
    windows_resources();
}

/// Compiles the icon and the version information into the executable (needs `rc.exe` from the
/// Windows SDK for the MSVC toolchain, as on the GitHub Windows runners).
#[cfg(windows)]
fn windows_resources() {
    const ICON: &str = "assets/icons/atsdrop.ico";
    println!("cargo::rerun-if-changed={ICON}");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(ICON)
        .set("FileDescription", "atsdrop")
        .set("ProductName", "atsdrop")
        .set("CompanyName", "The atsdrop developers")
        .set("LegalCopyright", "MIT License, the atsdrop developers")
        .set("OriginalFilename", "atsdrop.exe");
    if let Err(error) = resource.compile() {
        println!(
            "cargo::error=could not embed the Windows resources ({ICON}, version information): {error}"
        );
    }
}
