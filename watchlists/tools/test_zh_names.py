#!/usr/bin/env python3
"""Tests of zh_names.py (stdlib unittest; no list data needed):

    python3 -m unittest watchlists/tools/test_zh_names.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zh_names as z  # noqa: E402


def row(name, source=z.EL, addresses="Beijing, China, CN", alt_names=""):
    return {"name": name, "source": source, "addresses": addresses, "alt_names": alt_names}


class Numerals(unittest.TestCase):
    def test_positional(self):
        self.assertEqual(z.positional(32), "三十二")
        self.assertEqual(z.positional(10), "十")
        self.assertEqual(z.positional(13), "十三")
        self.assertEqual(z.positional(20), "二十")
        self.assertEqual(z.positional(7), "七")

    def test_three_digits_read_digit_by_digit(self):
        self.assertEqual(z.cn_number(704), "七〇四")
        self.assertEqual(z.cn_number(715), "七一五")
        self.assertEqual(z.digitwise(7103), "七一〇三")


class Targets(unittest.TestCase):
    def test_china_address_selects_el_rows(self):
        self.assertTrue(z.is_target(row("X", addresses="Hong Kong, CN")))
        self.assertTrue(z.is_target(row("X", addresses="CN")))
        self.assertTrue(z.is_target(row("X", addresses="Moscow, Russia, RU; Beijing, CN")))
        self.assertFalse(z.is_target(row("X", addresses="Moscow, Russia, RU")))
        self.assertFalse(z.is_target(row("X", addresses="Cnossos Street, GR")))

    def test_1286_rows_are_china_unless_named_russian_or_iranian(self):
        self.assertTrue(z.is_target(row("Tianjin University", source=z.S1286, addresses="")))
        self.assertFalse(z.is_target(row("Moscow Aviation Institute", source=z.S1286, addresses="")))
        self.assertFalse(z.is_target(row("Sharif University of Technology", source=z.S1286, addresses="")))

    def test_classes(self):
        self.assertEqual(z.classify(row("Sichuan University")), "translated")
        self.assertEqual(z.classify(row("CSSC Electronic Technology")), "translated")
        self.assertEqual(z.classify(row("Shenyang Aircraft Corporation")), "translated")
        self.assertEqual(z.classify(row("Guangzhou Haige Communication Group Co., Ltd.",
                                        alt_names="Haige Communications; and State-owned 750 Factory")),
                         "translated")
        self.assertEqual(z.classify(row("Huawei Cloud Beijing")), "well-known")
        self.assertEqual(z.classify(row("Tencent Holdings Limited", source=z.H1260)), "well-known")
        self.assertEqual(z.classify(row("Beijing Tianhua")), "other")
        self.assertEqual(z.classify(row("Centre Bright Electronics Company Limited")), "other")


class Derive(unittest.TestCase):
    def names(self, r):
        return [zh for _, zh, _ in z.derive([r])]

    def test_cetc_institute(self):
        got = self.names(row("China Electronics Technology Group Corporation 32nd Research Institute"))
        self.assertEqual(got, ["中国电子科技集团公司第三十二研究所", "中国电子科技集团有限公司第三十二研究所"])

    def test_cetc_number_from_alias(self):
        got = self.names(row("Xi'an Research Institute of Navigation Technology",
                             alt_names="20th Research Institute of China Electronic Technology Group Corp (CETC); "
                                       "and CETC 20th Research Institute"))
        self.assertEqual(set(got), {"中国电子科技集团公司第二十研究所"})

    def test_cssc_institute_current_and_former_group(self):
        got = self.names(row("China State Shipbuilding Corporation, Limited (CSSC) 704th Research Institute"))
        self.assertEqual(got, ["中国船舶集团有限公司第七〇四研究所", "中国船舶重工集团公司第七〇四研究所"])

    def test_academy_and_institute_in_academy(self):
        self.assertEqual(self.names(row("China Aerospace Science and Technology Corporation (CASC) 8th Academy")),
                         ["中国航天科技集团有限公司第八研究院"])
        self.assertEqual(
            self.names(row("China Aerospace Science and Technology Corporation (CASC) 8th Academy 811 Research Institute")),
            ["中国航天科技集团有限公司第八研究院第八一一研究所"])

    def test_state_owned_factory(self):
        got = self.names(row("Guilin Changhai Development Co., Ltd.",
                             alt_names="Changhai Machinery Factory; and State-owned 722 Factory"))
        self.assertEqual(got, ["国营第七二二厂", "国营722厂"])

    def test_non_numbered_entry_derives_nothing(self):
        self.assertEqual(self.names(row("Sichuan University")), [])


class CommittedFiles(unittest.TestCase):
    def test_format_check_passes_without_list_data(self):
        self.assertEqual(z.check(None), [])


if __name__ == "__main__":
    unittest.main()
