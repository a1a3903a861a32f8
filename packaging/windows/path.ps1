# Adds or removes a folder on the current user's PATH (HKCU\Environment\Path), leaving every other
# entry, any %VARIABLE% in them and the value's type (REG_EXPAND_SZ) as they were. NSIS's own string
# functions stop at 1024 characters and would truncate a long PATH, so atsdrop.nsi calls this.
param(
    [Parameter(Mandatory = $true)][ValidateSet('Add', 'Remove')][string]$Action,
    [Parameter(Mandatory = $true)][string]$Dir
)
$ErrorActionPreference = 'Stop'
$key = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Environment', $true)
try {
    $old = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
    $want = $Dir.TrimEnd('\')
    $parts = @($old -split ';' | Where-Object { $_ -and ($_.TrimEnd('\') -ne $want) })
    if ($Action -eq 'Add') { $parts += $want }
    $new = $parts -join ';'
    if ($new -ne $old) {
        if ($new) {
            $key.SetValue('Path', $new, [Microsoft.Win32.RegistryValueKind]::ExpandString)
        } else {
            $key.DeleteValue('Path', $false)
        }
    }
} finally {
    $key.Close()
}
