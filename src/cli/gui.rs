//! `atsdrop` without a subcommand: the desktop app.

use std::process::ExitCode;

use atsdrop::app::{App, AppDeps};

/// The app id: the desktop entry's name, the Wayland app id and the X11 window class.
pub const APP_ID: &str = "io.github.atsdrop.Atsdrop";

/// Opens the app and runs until the window closes.
pub fn run(runtime: &tokio::runtime::Runtime, sandbox: bool) -> anyhow::Result<ExitCode> {
    let mut deps = AppDeps::from_os(runtime.handle().clone()).map_err(anyhow::Error::msg)?;
    deps.start_sandbox |= sandbox;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("atsdrop")
        .with_app_id(APP_ID)
        .with_inner_size([1180.0, 760.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "atsdrop",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(cc, deps)))),
    )
    .map_err(|e| anyhow::anyhow!(atsdrop::t!("run-window-not-opened", error = e.to_string())))?;
    Ok(ExitCode::SUCCESS)
}

/// The window icon from the app's icon.
fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!("../../assets/icons/png/atsdrop-256.png");
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .ok()?
        .to_rgba8();
    Some(egui::IconData {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}
