"""Every bad input a student is known to write gets a precise, pinned Indonesian message.

Each case edits a copy of tests/fixtures/valid_case/kasus.yml, runs the real
`casebook check`, and compares every error line (file:line:col: field: message).
Among them are all slips found in the two seed reports and the YAML 1.1 traps.
"""

from __future__ import annotations

import pytest

from tests.helpers import run_cli, write_case_variant

# Generated once from real `casebook check` output, then read line by line: each message
# points at the line and column of the offending key or value. Edit by hand from now on.
BAD_INPUTS = [
    pytest.param('kota: Bandung', 'kota: "Bandung', ['kasus.yml:8:9: sintaks YAML tidak valid: tanda kutip belum ditutup (tutup teks dengan tanda kutip yang sama di akhir baris)'], id='yaml-unclosed-quote'),
    pytest.param('proses: Perkenalan dengan klien.', 'proses: Tahap: perkenalan dengan klien.', ['kasus.yml:27:18: sintaks YAML tidak valid: titik dua `:` tidak diharapkan di sini (teks yang memuat `: ` harus diberi tanda kutip, misalnya "Pukul: 17.00")'], id='yaml-colon-in-value'),
    pytest.param('  kota: Bandung', '\tkota: Bandung', ['kasus.yml:8:1: karakter tab dipakai untuk indentasi (YAML hanya menerima spasi; ganti tab dengan 2 spasi)'], id='yaml-tab-indent'),
    pytest.param('  kota: Bandung', '   kota: Bandung', ['kasus.yml:8:4: sintaks YAML tidak valid: indentasi tidak konsisten (kunci yang setingkat harus sejajar; gunakan 2 spasi per tingkat)'], id='yaml-bad-indent'),
    pytest.param('  kota: Bandung', '  kota: Bandung\n  kota: Cimahi', ['kasus.yml:9:3: laporan.kota: kunci `kota` ditulis dua kali (pertama kali di baris 8; hapus salah satunya)'], id='yaml-duplicate-key'),
    pytest.param('kota: Bandung', 'kota: !!python/object:os.system Bandung', ['kasus.yml:8:9: laporan.kota: tag YAML `!!python/object:os.system` tidak didukung (hapus tag tersebut; tulis nilainya apa adanya)'], id='yaml-unsupported-tag'),
    pytest.param(None, '- laporan\n- klien\n', ['kasus.yml:1:1: isi kasus.yml harus berupa pemetaan `kunci: nilai` (mulai dengan `laporan:` di kolom pertama)'], id='yaml-root-list'),
    pytest.param('    tanggal: 2024-08-21', '    tangal: 2024-08-21', ['kasus.yml:29:5: tahapan[2].tanggal: kolom wajib `tanggal` belum diisi (lihat templat di docs/templat/kasus.yml untuk contoh isinya)', 'kasus.yml:30:5: tahapan[2].tangal: kunci `tangal` tidak dikenal (maksud Anda `tanggal`?)'], id='unknown-key-typo'),
    pytest.param('  - kegiatan: Wawancara dengan tetangga', '  - no: 2\n    kegiatan: Wawancara dengan tetangga', ['kasus.yml:38:5: wawancara[2].no: kunci `no` tidak dikenal (nomor urut dibuat otomatis; hapus kunci `no`)'], id='unknown-key-no-column'),
    pytest.param('  kode: TS', '  kode: TS\n  nama: Siti Rahayu', ['kasus.yml:20:3: klien.nama: kunci `nama` tidak dikenal (identitas asli klien tidak dicatat di kasus.yml; gunakan `kode` samaran dan `usia`)'], id='client-real-name'),
    pytest.param('  usia: 40', '  usia: 40\n  tanggal_lahir: 3 Maret 1984', ['kasus.yml:22:3: klien.tanggal_lahir: kunci `tanggal_lahir` tidak dikenal (identitas asli klien tidak dicatat di kasus.yml; gunakan `kode` samaran dan `usia`)'], id='client-birth-date'),
    pytest.param('  judul: Penguatan Kapasitas Klien TS\n', '', ['kasus.yml:2:1: laporan.judul: kolom wajib `judul` belum diisi (lihat templat di docs/templat/kasus.yml untuk contoh isinya)'], id='missing-title'),
    pytest.param('  kode: TS\n', '', ['kasus.yml:18:1: klien.kode: kolom wajib `kode` belum diisi (lihat templat di docs/templat/kasus.yml untuk contoh isinya)'], id='missing-client-code'),
    pytest.param('usia: 40', 'usia: empat puluh', ['kasus.yml:21:9: klien.usia: harus berupa bilangan bulat, bukan `empat puluh`'], id='wrong-type-age-word'),
    pytest.param('usia: 40', 'usia: -4', ['kasus.yml:21:9: klien.usia: nilai -4 terlalu kecil; minimal 0'], id='negative-age'),
    pytest.param('  usia: 40', '  usia: 40\n  kelompok_usia: 40-49 tahun', ['kasus.yml:19:3: klien: isi salah satu saja: `usia` atau `kelompok_usia`'], id='age-and-band'),
    pytest.param('klien:\n  kode: TS\n  jenis_kelamin: perempuan\n  usia: 40\n  klaster: [kemiskinan]', 'klien: TS', ['kasus.yml:18:8: klien: harus berupa pemetaan `kunci: nilai`, bukan `TS` (tulis kunci-kuncinya di baris berikut dengan indentasi 2 spasi)'], id='wrong-type-section-scalar'),
    pytest.param('gejala_masalah: [Pendapatan tidak tetap]', 'gejala_masalah: Pendapatan tidak tetap', ['kasus.yml:50:19: asesmen.gejala_masalah: harus berupa daftar, bukan `Pendapatan tidak tetap` (setiap butir ditulis di baris baru diawali `- `)'], id='wrong-type-list-as-text'),
    pytest.param('kelompok: Kelompok 1', 'kelompok: 14', ['kasus.yml:14:13: praktikan.kelompok: harus berupa teks, bukan angka 14 (tulis dalam tanda kutip, misalnya "14")'], id='wrong-type-number-as-text'),
    pytest.param('dampak_masalah: [Kebutuhan dasar sulit dipenuhi]', 'dampak_masalah: []', ['kasus.yml:51:19: asesmen.dampak_masalah: daftar tidak boleh kosong; isi minimal 1 butir'], id='empty-list'),
    pytest.param('fokus_masalah: Keterbatasan keterampilan usaha.', 'fokus_masalah: ""', ['kasus.yml:52:18: asesmen.fokus_masalah: tidak boleh kosong'], id='empty-text'),
    pytest.param('izin_publikasi: true', 'izin_publikasi: yes', ['kasus.yml:104:23: lampiran.dokumentasi[1].izin_publikasi: harus `true` atau `false`, bukan `yes` (YAML lama membaca yes/no/on/off sebagai benar/salah; Casebook tidak menebak: tulis true atau false)'], id='bool-yes'),
    pytest.param('wajah_terlihat: false', 'wajah_terlihat: on', ['kasus.yml:105:23: lampiran.dokumentasi[1].wajah_terlihat: harus `true` atau `false`, bukan `on` (YAML lama membaca yes/no/on/off sebagai benar/salah; Casebook tidak menebak: tulis true atau false)'], id='bool-on'),
    pytest.param('anak: false', 'anak: off', ['kasus.yml:106:13: lampiran.dokumentasi[1].anak: harus `true` atau `false`, bukan `off` (YAML lama membaca yes/no/on/off sebagai benar/salah; Casebook tidak menebak: tulis true atau false)'], id='bool-off'),
    pytest.param('hadir: [true, false]', 'hadir: [true, no]', ['kasus.yml:100:60: lampiran.daftar_hadir.baris[2].hadir[2]: harus `true` atau `false`, bukan `no` (YAML lama membaca yes/no/on/off sebagai benar/salah; Casebook tidak menebak: tulis true atau false)'], id='bool-no-in-list'),
    pytest.param('jenis_kelamin: perempuan', 'jenis_kelamin: wanita', ['kasus.yml:20:18: klien.jenis_kelamin: `wanita` bukan pilihan yang dikenal (pilihan: laki-laki, perempuan)'], id='literal-sex'),
    pytest.param('hubungan: kuat,', 'hubungan: kuaat,', ['kasus.yml:49:50: asesmen.ecomap.sistem[1].hubungan: `kuaat` bukan pilihan yang dikenal (maksud Anda `kuat`?)'], id='literal-ecomap-relation'),
    pytest.param('teknik: [modelling]', 'teknik: [modeling]', ['kasus.yml:73:16: intervensi.sesi[1].teknik[1]: `modeling` bukan teknik pekerjaan sosial yang dikenal (maksud Anda `modelling`?)'], id='vocab-technique-typo'),
    pytest.param('setting: primer', 'setting: panti', ['kasus.yml:17:12: institusi.setting: `panti` bukan setting praktik yang dikenal (pilihan: industri = Industri (CSR); primer = Primer (Sentra/Panti); komunitas; sekolah; rumah_sakit; lainnya)'], id='vocab-setting-unknown'),
    pytest.param('  kode: TS', '  kode: ts', ['kasus.yml:19:9: klien.kode: kode samaran `ts` tidak valid (gunakan 1–8 huruf kapital/angka tanpa spasi, misalnya LN atau AJS; jangan nama asli)'], id='pseudonym-lowercase'),
    pytest.param('anggota: [TS]', 'anggota: [Budi Santoso]', ['kasus.yml:74:17: intervensi.sesi[1].anggota[1]: kode samaran `Budi Santoso` tidak valid (gunakan 1–8 huruf kapital/angka tanpa spasi, misalnya LN atau AJS; jangan nama asli)'], id='member-real-name'),
    pytest.param('keterangan: Tahap engagement', 'keterangan: Tahap engagement\n      bagian: bab empat', ['kasus.yml:104:15: lampiran.dokumentasi[1].bagian: nomor subbab `bab empat` tidak valid (tulis nomor subbab seperti 4.1 atau 5.3)'], id='photo-section-text'),
    pytest.param('tanggal: 2024-08-21', 'tanggal: 31 September 2024', ['kasus.yml:30:14: tahapan[2].tanggal: tanggal `31 September 2024` tidak ada di kalender (periksa hari dan bulannya)'], id='date-invalid-day'),
    pytest.param('tanggal: 2024-08-21', 'tanggal: 21 Agustis 2024', ['kasus.yml:30:14: tahapan[2].tanggal: nama bulan `Agustis` tidak dikenal (gunakan nama bulan Indonesia, misalnya September)'], id='date-unknown-month'),
    pytest.param('tanggal: 2024-08-21', 'tanggal: Agustus 2024', ['kasus.yml:30:14: tahapan[2].tanggal: format tanggal `Agustus 2024` tidak dikenal (tulis misalnya "Selasa, 10 September 2024", 10-09-2024 (hari-bulan-tahun) atau 2024-09-10)'], id='date-unknown-format'),
    pytest.param('tanggal: 2024-08-21', 'tanggal: 21/8/24', ['kasus.yml:30:14: tahapan[2].tanggal: tahun pada tanggal `21/8/24` hanya dua angka (tulis tahunnya lengkap; maksud Anda 2024-08-21?)'], id='date-two-digit-year'),
    pytest.param('tanggal: 2024-08-21', 'tanggal: 08/21/2024', ['kasus.yml:30:14: tahapan[2].tanggal: tanggal `08/21/2024` tidak ada di kalender: bulan 21 tidak ada (tanggal angka ditulis hari-bulan-tahun; untuk 21 Agustus 2024 tulis 21-08-2024 atau 2024-08-21)'], id='date-month-first'),
    pytest.param('tanggal: Kamis, 22 Agustus 2024', 'tanggal: Rabu, 22 Agustus 2024', ['kasus.yml:35:14: wawancara[1].tanggal: 22 Agustus 2024 jatuh pada hari Kamis, bukan Rabu (periksa kembali tanggal atau harinya)'], id='weekday-mismatch'),
    pytest.param('tanggal: Kamis, 22 Agustus 2024', 'tanggal: Kemis, 22 Agustus 2024', ['kasus.yml:35:14: wawancara[1].tanggal: nama hari `Kemis` tidak dikenal (gunakan Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, atau Minggu)'], id='weekday-unknown'),
    pytest.param('waktu: 10.00-11.00', 'waktu: 16.300-17.45', ['kasus.yml:36:12: wawancara[1].waktu: jam `16.300` dalam `16.300-17.45` tidak valid (tulis JJ.MM atau JJ.MM-JJ.MM, misalnya 16.30-17.45)'], id='time-malformed-minutes'),
    pytest.param('waktu: 10.00-11.00', 'waktu: 17.45-16.30', ['kasus.yml:36:12: wawancara[1].waktu: jam selesai 16.30 tidak setelah jam mulai 17.45 (periksa urutan jam mulai dan selesai)'], id='time-end-before-start'),
    pytest.param('waktu: 10.00-11.00', 'waktu: 25.00-26.00', ['kasus.yml:36:12: wawancara[1].waktu: jam `25.00` dalam `25.00-26.00` tidak valid (tulis JJ.MM atau JJ.MM-JJ.MM, misalnya 16.30-17.45)'], id='time-hour-out-of-range'),
    pytest.param('waktu: 10.00-11.00', 'waktu: jam sepuluh', ['kasus.yml:36:12: wawancara[1].waktu: format waktu `jam sepuluh` tidak dikenal (tulis JJ.MM atau JJ.MM-JJ.MM, misalnya 16.30-17.45)'], id='time-words'),
    pytest.param('selesai: 27 September 2024', 'selesai: 27 Juli 2024', ['kasus.yml:7:14: laporan.periode.selesai: tanggal selesai praktikum sebelum tanggal mulai'], id='period-end-before-start'),
    pytest.param('tanggal_selesai: 26 Agustus 2024', 'tanggal_selesai: 20 Agustus 2024', ['kasus.yml:44:20: asesmen.tanggal_selesai: tanggal selesai 20 Agustus 2024 sebelum tanggal mulai 22 Agustus 2024'], id='range-end-before-start'),
    pytest.param('tanggal: 25 September 2024\n  proses: Proses', 'tanggal: 2 Oktober 2024\n  proses: Proses', ['kasus.yml:92:12: terminasi.tanggal: 2 Oktober 2024 di luar periode praktikum (19 Agustus 2024 – 27 September 2024) (periksa tanggalnya, atau perbarui `laporan.periode`)'], id='date-outside-period'),
    pytest.param('tanggal: Rabu, 4 September 2024', 'tanggal: 4 September 2023', ['kasus.yml:78:16: intervensi.sesi[2].tanggal: tahun 2023 tidak sesuai periode praktikum (19 Agustus 2024 – 27 September 2024) (salah ketik tahun? maksud Anda 4 September 2024?)'], id='year-typo-2023'),
    pytest.param('tanggal: Senin, 2 September 2024', 'tanggal: Selasa, 20 Agustus 2024', ['kasus.yml:71:16: intervensi.sesi[1].tanggal: tahap intervensi (20 Agustus 2024) dimulai sebelum tahap intake (21 Agustus 2024) (urutan pertolongan: engagement, intake, asesmen, rencana intervensi, intervensi, evaluasi, terminasi, rujukan)'], id='order-intervention-before-assessment'),
    pytest.param('tanggal: 25 September 2024\n  proses: Proses', 'tanggal: 18 September 2024\n  proses: Proses', ['kasus.yml:92:12: terminasi.tanggal: tahap terminasi (18 September 2024) dimulai sebelum tahap evaluasi (20 September 2024) (urutan pertolongan: engagement, intake, asesmen, rencana intervensi, intervensi, evaluasi, terminasi, rujukan)'], id='order-termination-before-evaluation'),
    pytest.param('    hasil: Fakta pendukung diperoleh.', '    hasil: Fakta pendukung diperoleh.\n  - kegiatan: Wawancara dengan tetangga\n    tanggal: Jumat, 23 Agustus 2024\n    waktu: 14.00-14.30\n    hasil: Fakta pendukung diperoleh.', ['kasus.yml:42:5: wawancara[3]: baris wawancara ini sama dengan butir ke-2 (hapus baris ganda)'], id='duplicate-interview-row'),
    pytest.param('nrp: "2104002"', 'nrp: "2104001"', ['kasus.yml:100:9: lampiran.daftar_hadir.baris[2]: NRP di daftar hadir ini sama dengan butir ke-1 (hapus baris ganda)'], id='duplicate-attendance-nrp'),
    pytest.param('    skor: 3\n', '    skor: 5\n', ['kasus.yml:88:11: evaluasi.tas.skor: nilai 5 terlalu besar; maksimal 4'], id='tas-score-out-of-range'),
    pytest.param('{uraian: Menyusun rencana, skor: 4}', '{uraian: Menyusun rencana, skor: -1}', ['kasus.yml:86:42: evaluasi.tas.tugas[1].skor: nilai -1 terlalu kecil; minimal 0'], id='tas-task-score-negative'),
    pytest.param('    skor: 3\n', '    skor: 4\n', ['kasus.yml:88:11: evaluasi.tas.skor: skor TAS 4 tidak sesuai nilai tugas (rata-rata 3,00, dibulatkan 3) (perbaiki skor keseluruhan atau nilai per tugas)'], id='tas-inconsistent'),
    pytest.param('{tujuan: Rencana usaha, skor: 1}', '{tujuan: Rencana usaha, skor: 3}', ['kasus.yml:90:37: evaluasi.gas[1].skor: nilai 3 terlalu besar; maksimal 2'], id='gas-out-of-range'),
    pytest.param('    skor: 3\n', '    skor: 3.5\n', ['kasus.yml:88:11: evaluasi.tas.skor: harus berupa bilangan bulat, bukan `3.5`'], id='tas-fraction'),
    pytest.param('    - kegiatan: usaha\n      judul: Menghitung modal', '    - kegiatan: modal\n      judul: Menghitung modal', ['kasus.yml:76:17: intervensi.sesi[2].kegiatan: kegiatan `modal` tidak ada di rencana intervensi (id yang ada: usaha)'], id='session-unknown-activity'),
    pytest.param('hadir: [true, false]', 'hadir: [true, false, true]', ['kasus.yml:100:53: lampiran.daftar_hadir.baris[2].hadir: kehadiran berisi 3 minggu, padahal `jumlah_minggu` 2'], id='attendance-weeks-mismatch'),
    pytest.param('berkas: media/foto.svg', 'berkas: media/foto-eic.jpg', ['kasus.yml:102:15: lampiran.dokumentasi[1].berkas: berkas `media/foto-eic.jpg` tidak ditemukan (periksa nama berkas (huruf besar/kecil berpengaruh) di folder laporan-uji/)'], id='photo-missing'),
    pytest.param('berkas: media/foto.svg', 'berkas: ../luar/foto.svg', ['kasus.yml:102:15: lampiran.dokumentasi[1].berkas: berkas `../luar/foto.svg` berada di luar folder laporan (simpan berkas di laporan-uji/media/ dan tulis jalurnya seperti media/foto.jpg)'], id='photo-outside-folder'),
    pytest.param('berkas: media/foto.svg', 'berkas: /etc/passwd', ['kasus.yml:102:15: lampiran.dokumentasi[1].berkas: berkas `/etc/passwd` berada di luar folder laporan (simpan berkas di laporan-uji/media/ dan tulis jalurnya seperti media/foto.jpg)'], id='photo-absolute-path'),
    pytest.param('kota: Bandung', 'kota: "<<ISI: kota kampus>>"', ['kasus.yml:8:9: laporan.kota: masih berisi isian contoh (ganti dengan data laporan Anda, atau hapus bagian opsional ini)'], id='placeholder-left'),
    pytest.param('tahapan:', 'persetujuan:\n  tanggal: 10 September 2024\n  penanda_tangan: Klien TS\n  butir:\n    - {pernyataan: Bersedia diwawancarai, setuju: true}\ntahapan:', ['kasus.yml:24:12: persetujuan.tanggal: informed consent (10 September 2024) ditandatangani setelah intervensi dimulai (2 September 2024) (persetujuan klien harus ada sebelum intervensi)'], id='consent-after-intervention'),
]


@pytest.mark.parametrize(("old", "new", "expected"), BAD_INPUTS)
def test_bad_input_gives_pinned_messages(tmp_path, monkeypatch, old, new, expected):
    folder = write_case_variant(tmp_path, old, new)
    monkeypatch.chdir(tmp_path)
    code, output = run_cli(["check", folder.name])
    errors = [line.removeprefix(f"{folder.name}/") for line in output.splitlines()
              if line.startswith(f"{folder.name}/kasus.yml") and ": peringatan:" not in line]
    assert errors == expected
    assert code == 1
    assert "Traceback" not in output
    # The line each message names really exists in the edited file.
    lines = (folder / "kasus.yml").read_text(encoding="utf-8").splitlines() or [""]
    for error in errors:
        line_number = int(error.split(":")[1])
        assert 1 <= line_number <= len(lines)


def test_there_are_at_least_forty_bad_inputs():
    assert len(BAD_INPUTS) >= 40
