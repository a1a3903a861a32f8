; atsdrop installer for Windows (NSIS 3, Modern UI 2).
;
; Per-user install: no administrator rights needed (recruiters' laptops rarely grant them), into
; %LOCALAPPDATA%\Programs\atsdrop, like other per-user desktop apps. It installs two copies of
; the same program (packaging/README.md, "Windows: console or not"):
;   atsdrop-gui.exe  built as a GUI-subsystem program: the Start menu and desktop shortcuts open it,
;                    and no console window appears
;   atsdrop.exe      the console program, put on the user's PATH for `atsdrop upload …` in a terminal
;
; Build (the release workflow does this on windows-latest; makensis from Debian's `nsis` works too):
;   makensis -DVERSION=0.1.0 -DBINDIR=<folder with both .exe> -DOUTDIR=<output folder> packaging/windows/atsdrop.nsi
; (-D rather than /D: Git Bash would rewrite /D… as a path.)
; Paths below are relative to this file's folder.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (the Cargo.toml version)"
!endif
!ifndef BINDIR
  !error "pass -DBINDIR=<folder holding atsdrop.exe and atsdrop-gui.exe>"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

!define APP_NAME "atsdrop"
!define APP_ID "io.github.atsdrop.Atsdrop"
!define PUBLISHER "The atsdrop developers"
!define URL "https://github.com/atsdrop/atsdrop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define ICON "..\..\assets\icons\atsdrop.ico"

Name "${APP_NAME}"
OutFile "${OUTDIR}\atsdrop-${VERSION}-windows-x64-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_NAME}" "InstallDir"
RequestExecutionLevel user
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP_NAME} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "MIT License, ${PUBLISHER}"

!include "MUI2.nsh"
!include "WinMessages.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\atsdrop-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Section "${APP_NAME} (required)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${BINDIR}\atsdrop.exe"
  File "${BINDIR}\atsdrop-gui.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\atsdrop-gui.exe" "" "$INSTDIR\atsdrop-gui.exe" 0

  WriteRegStr HKCU "Software\${APP_NAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "URLInfoAbout" "${URL}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\atsdrop-gui.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Command line: add atsdrop to PATH" SecPath
  InitPluginsDir
  File "/oname=$PLUGINSDIR\path.ps1" "path.ps1"
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$PLUGINSDIR\path.ps1" -Action Add -Dir "$INSTDIR"'
  Pop $0
  StrCmp $0 "0" +2
    DetailPrint "Could not add $INSTDIR to PATH (exit $0): add it by hand to use atsdrop in a terminal."
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\atsdrop-gui.exe" "" "$INSTDIR\atsdrop-gui.exe" 0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  InitPluginsDir
  File "/oname=$PLUGINSDIR\path.ps1" "path.ps1"
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$PLUGINSDIR\path.ps1" -Action Remove -Dir "$INSTDIR"'
  Pop $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$INSTDIR\atsdrop.exe"
  Delete "$INSTDIR\atsdrop-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_NAME}"
  ; Settings, the journal and the keyring entries are the user's data: they stay (see README).
SectionEnd
